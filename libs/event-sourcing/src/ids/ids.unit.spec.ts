import { isUuid, uuidv7 } from '@cdtt/event-sourcing';

describe('uuidv7', () => {
  it('encodes the time, version 7 and the RFC variant', () => {
    const id = uuidv7(0x0190_1234_5678, Buffer.alloc(10, 0xff));
    expect(id).toBe('01901234-5678-7fff-bfff-ffffffffffff');
    expect(isUuid(id)).toBe(true);
  });

  it('sorts by creation time', () => {
    const ids = [uuidv7(1_000), uuidv7(2_000), uuidv7(3_000)];
    expect([...ids].sort()).toEqual(ids);
  });
});
