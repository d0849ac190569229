import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../contracts/vocabulary';
import { renderAutoAnswer } from '../../../functions/mail/domain/answers';
import { htmlOf } from '../../../functions/mail/domain/html';

describe('the HTML part', () => {
  it('says what the text part says, escaped, in paragraphs, with clickable links', () => {
    const html = htmlOf('Hola:\n\nNew <b>reply</b> & more\nSee https://portal.example/tickets/1?a=1&b=2.', 'ca');
    expect(html).toContain('<html lang="ca">');
    expect(html).toContain('<p>Hola:</p>');
    expect(html).toContain('New &lt;b&gt;reply&lt;/b&gt; &amp; more<br>See ');
    expect(html).toContain(
      '<a href="https://portal.example/tickets/1?a=1&amp;b=2">https://portal.example/tickets/1?a=1&amp;b=2</a>.',
    );
  });

  it('cannot be broken out of by a link with quotes', () => {
    expect(htmlOf('https://x.example/"onmouseover="alert(1)', 'en')).not.toContain('"onmouseover');
  });
});

describe('the automatic answer to a reply', () => {
  const links = { portal: 'https://portal.example/', ticket: (id: string) => `https://portal.example/tickets/${id}` };

  it('gives a requester the ticket’s page, in the ticket’s language', () => {
    const answer = renderAutoAnswer({ kind: 'ticket', language: 'es', number: 'DIPU-1', ticketId: 't1' }, links);
    expect(answer.language).toBe('es');
    expect(answer.subject).toBe('[DIPU-1] Las respuestas por correo no se añaden al tique');
    expect(answer.text).toContain('https://portal.example/tickets/t1');
  });

  it('gives a guest no link to the ticket: their token is only in their first mail', () => {
    for (const language of LANGUAGES) {
      const answer = renderAutoAnswer({ kind: 'guest-ticket', language, number: 'DIPU-1', ticketId: 't1' }, links);
      expect(answer.text).not.toContain('/tickets/');
      expect(answer.text).toContain('https://portal.example/');
    }
  });

  it('points anyone else to the portal in every language', () => {
    const answer = renderAutoAnswer({ kind: 'generic' }, links);
    expect(answer.text).toContain('des del portal');
    expect(answer.text).toContain('desde el portal');
    expect(answer.text).toContain('use the portal');
    expect(answer.text).not.toContain('/tickets/');
  });
});
