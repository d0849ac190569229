import { describe, expect, it } from 'vitest';
import { text } from '../../../contracts/text';
import { CreateTicket, Reply } from '../../../contracts/tickets';

const line = text(1, 10);
const paragraph = text(1, 50, { multiline: true });

describe('the text policy of the contract', () => {
  it('stores text in Unicode NFC, trimmed', () => {
    expect(line.parse('  Cafe\u0301  ')).toBe('Café');
    expect(line.parse('  Cafe\u0301  ')).toHaveLength(4);
  });

  it('refuses control characters in a single line: NUL, BEL, ESC sequences, DEL, C1, tabs and line breaks', () => {
    for (const hostile of ['a\u0000b', 'ding\u0007', '\u001b[31mred', 'a\u007fb', 'a\u0085b', 'a\tb', 'a\nb', 'a\rb']) {
      expect(line.safeParse(hostile).success, JSON.stringify(hostile)).toBe(false);
    }
  });

  it('keeps tabs and line breaks in multi-line text, folding CRLF to LF, and refuses other controls', () => {
    expect(paragraph.parse('first\r\n\tsecond\rthird')).toBe('first\n\tsecond\nthird');
    expect(paragraph.safeParse('bell\u0007').success).toBe(false);
    expect(paragraph.safeParse('esc\u001b[2J').success).toBe(false);
  });

  it('refuses bidirectional overrides, embeddings and isolates, which make text read otherwise than stored', () => {
    for (const hostile of ['invoice\u202Efdp.exe', '\u202Aa', '\u2066b\u2069', '\u2067c', '\u2068d']) {
      expect(line.safeParse(hostile).success, JSON.stringify(hostile)).toBe(false);
    }
  });

  it('refuses half a surrogate pair, which is no character at all', () => {
    expect(line.safeParse('a\uD800b').success).toBe(false);
    expect(line.safeParse('a\uDC00').success).toBe(false);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(line.safeParse('😀'.repeat(10)).success).toBe(true);
    expect(line.safeParse('😀'.repeat(11)).success).toBe(false);
    expect(line.safeParse('   ').success).toBe(false);
  });

  it('applies to every field people type: subjects, descriptions, names, replies', () => {
    const ticket = {
      type: 'incident',
      topicId: 'dipu-web-portals',
      subject: 'Portal \u202Edown',
      description: 'ok',
    };
    const issues = CreateTicket.safeParse(ticket).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['subject']);
    expect(Reply.safeParse({ body: 'hi\u0000' }).success).toBe(false);
    expect(Reply.parse({ body: ' line one\r\nline two ' }).body).toBe('line one\nline two');
  });
});
