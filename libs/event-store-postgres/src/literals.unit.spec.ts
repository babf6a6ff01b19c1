import { Client } from 'pg';
import { quoteLiteral } from './literals';

describe('quoteLiteral', () => {
  const driver = new Client();
  it.each([
    ['plain'],
    [''],
    ["it's"],
    ["''"],
    ['back\\slash'],
    ["both ' and \\"],
    ['{"name":"Tổ CNSCĐ 🇻🇳","q":"\\"quoted\\"","nl":"\\n"}'],
    ["E'not an escape'"],
  ])('writes what the driver writes for %j', (text) => {
    expect(quoteLiteral(text)).toBe(driver.escapeLiteral(text));
  });
});
