import { ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  it('prints plain lines at each 10% when not on a terminal', () => {
    let text = '';
    let now = 0;
    const bar = new ProgressBar(1000, 'units', { isTTY: false, write: (t) => (text += t) }, () => now);
    for (let i = 0; i < 10; i += 1) {
      now += 100;
      bar.advance(100);
    }
    bar.finish();
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('units [########################] 100% 1000/1000 events, 1000/s');
  });

  it('redraws one line on a terminal, throttled', () => {
    let text = '';
    let now = 0;
    const bar = new ProgressBar(4, 'units', { isTTY: true, write: (t) => (text += t) }, () => now);
    now = 200;
    bar.advance(1);
    bar.advance(1);
    bar.advance(2);
    bar.finish();
    expect(text.split('\r').filter(Boolean)).toHaveLength(3);
    expect(text.endsWith('100% 4/4 events, 20/s\n')).toBe(true);
  });
});
