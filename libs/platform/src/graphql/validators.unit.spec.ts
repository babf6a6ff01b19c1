import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { NfcText } from './validators';

class Named {
  @IsString()
  @MaxLength(11)
  @NfcText()
  name!: string;

  @IsOptional()
  @NfcText()
  aliases?: string[];
}

/** What the validation pipe does: plain input to a class instance (transforms), then class-validator. */
function check(input: object): { value: Named; problems: string[] } {
  const value = plainToInstance(Named, input);
  return { value, problems: validateSync(value).flatMap((error) => Object.keys(error.constraints ?? {})) };
}

describe('NfcText', () => {
  it('normalises decomposed text to NFC before the length is checked', () => {
    const decomposed = 'Tổ Hòa Bình'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(11);
    const { value, problems } = check({ name: decomposed, aliases: ['Hòa'.normalize('NFD'), 'x'] });
    expect(problems).toEqual([]);
    expect(value.name).toBe('Tổ Hòa Bình'.normalize('NFC'));
    expect(value.name).not.toBe(decomposed);
    expect(value.aliases).toEqual(['Hòa'.normalize('NFC'), 'x']);
  });

  it('refuses control characters and broken UTF-16, in strings and lists', () => {
    for (const name of ['a\u0000b', 'tab\there', 'line\nbreak', 'del\u007f', 'c1\u0085', 'ab\udfffcd', '\ud800']) {
      expect([name, check({ name }).problems]).toEqual([name, ['nfcText']]);
    }
    expect(check({ name: 'ok', aliases: ['fine', 'bad\u0001'] }).problems).toEqual(['nfcText']);
  });

  it('keeps emoji, Vietnamese and over-long text to the other rules', () => {
    expect(check({ name: '👨‍👩‍👧 Tổ' }).problems).toEqual([]);
    expect(check({ name: 'x'.repeat(12) }).problems).toEqual(['maxLength']);
  });
});
