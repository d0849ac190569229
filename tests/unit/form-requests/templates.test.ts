import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  TEMPLATE_MAX_BYTES,
  TEMPLATE_PARTS,
  type TemplateProblem,
} from '../../../functions/form-requests/domain/templates';

const codes = (html: string) => checkTemplate(html).map((problem) => problem.code);
const only = (html: string): TemplateProblem => {
  const problems = checkTemplate(html);
  expect(problems).toHaveLength(1);
  return problems[0] as TemplateProblem;
};

const HEADER = `<header class="capcalera" lang="ca">
  <link rel="stylesheet" href="https://www.diba.cat/estils/capcalera.css">
  <style>
    .capcalera { background: #fff url("https://www.diba.cat/img/fons.png") no-repeat; }
  </style>
  <a class="logo" href="https://www.diba.cat/">
    <img src="https://www.diba.cat/img/logo-diba.svg" alt="Diputació de Barcelona" width="180" height="48">
  </a>
  <nav aria-label="Menú principal">
    <ul>
      <li><a href="https://www.diba.cat/ca/tramits">Tràmits</a></li>
      <li><a href="https://www.diba.cat/ca/contacte">Contacte</a></li>
      <li><a href="mailto:info@diba.cat">info@diba.cat</a></li>
    </ul>
  </nav>
  <!-- Capçalera institucional, versió 2026 -->
  <table class="franja"><tr><td>Seu electrònica</td></tr></table>
  <svg width="10" height="10" aria-hidden="true"><path d="M0 0h10v10z"/></svg>
</header>`;

describe('a department’s header or footer', () => {
  it('is a header or a footer, of at most 100 KB', () => {
    expect(TEMPLATE_PARTS).toEqual(['header', 'footer']);
    expect(TEMPLATE_MAX_BYTES).toBe(102_400);
  });

  it('is accepted as a realistic Catalan government header: https logo and stylesheet, navigation links', () => {
    expect(checkTemplate(HEADER)).toEqual([]);
  });

  it('is accepted with implied <tbody>, SVG self-closing elements and https srcset and picture sources', () => {
    const html =
      '<picture><source srcset="https://a.example/l.webp 1x, https://a.example/l2.webp 2x"><img src="https://a.example/l.png" alt=""></picture>';
    expect(checkTemplate(html)).toEqual([]);
  });
});

describe('size', () => {
  it('refuses more than 100 KB of UTF-8, counting bytes, not characters', () => {
    // 'à' is two bytes: 60,000 of them are 120,000 bytes in 60,000 characters.
    expect(only(`<p>${'à'.repeat(60_000)}</p>`)).toMatchObject({ code: 'too-large' });
    expect(checkTemplate(`<p>${'a'.repeat(TEMPLATE_MAX_BYTES - 7)}</p>`)).toEqual([]);
  });

  it('refuses an empty or whitespace-only template', () => {
    expect(codes('')).toEqual(['empty']);
    expect(codes(' \n\t ')).toEqual(['empty']);
  });
});

describe('well-formedness', () => {
  it('refuses an element left open, naming it and where it opens', () => {
    expect(only('<div class="a">\n  <p>Text</p>\n')).toMatchObject({
      code: 'not-well-formed',
      line: 1,
      column: 1,
      message: expect.stringContaining('<div>'),
    });
  });

  it('refuses misnested tags', () => {
    const problems = checkTemplate('<b><i>x</b></i>');
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['not-well-formed', 1, 4],
      ['not-well-formed', 1, 12],
    ]);
    expect(problems[0]?.message).toContain('<i>');
    expect(problems[1]?.message).toContain('</i>');
  });

  it('refuses misnesting that makes the browser invent an element', () => {
    expect(codes('<font>a<p>b</font></p>')).toContain('not-well-formed');
  });

  it('refuses an end tag that closes nothing, even between text', () => {
    expect(only('<p>a</p>\n</div>')).toMatchObject({ code: 'not-well-formed', line: 2, column: 1 });
    expect(only('a</div>b')).toMatchObject({ code: 'not-well-formed', message: expect.stringContaining('</div>') });
  });

  it('requires the end tags HTML lets one leave out', () => {
    expect(codes('<ul><li>a<li>b</ul>')).toEqual(['not-well-formed', 'not-well-formed']);
  });

  it('refuses what the parser reports, with its error code', () => {
    expect(only('<p class="a" class="b">x</p>')).toMatchObject({
      code: 'not-well-formed',
      message: expect.stringContaining('duplicate-attribute'),
    });
    expect(codes('<p>x</p><!-- never closed')).toContain('not-well-formed');
  });

  it('refuses a whole page with one problem: a header is a fragment', () => {
    const page = `<!DOCTYPE html>\n<html lang="ca">\n<head><title>Capçalera</title></head>\n<body><p>Hola</p></body>\n</html>`;
    const problem = only(page);
    expect(problem).toMatchObject({ code: 'not-well-formed', line: 1, column: 1 });
    expect(problem.message).toContain('<html>');
    expect(problem.message).toContain('<body>');
  });

  it('tells lines and columns across CRLF line ends', () => {
    expect(only('<div>\r\n<p>\r\n</div>')).toMatchObject({ line: 2, column: 1 });
  });
});

describe('script', () => {
  it('refuses a <script>, naming it and where it is', () => {
    expect(only('<p>Hola</p>\n<script>alert(1)</script>')).toMatchObject({
      code: 'script',
      line: 2,
      column: 1,
      message: expect.stringContaining('<script>'),
    });
  });

  it('refuses an external <script src="http://…">', () => {
    expect(codes('<script src="http://cdn.example/x.js"></script>')).toEqual(['script']);
  });

  it('refuses a <script> inside <svg>, where it is in the SVG namespace', () => {
    expect(codes('<svg><script>alert(1)</script></svg>')).toEqual(['script']);
  });

  it('refuses a <script> inside a <template>’s content, and what hides in <noscript>', () => {
    expect(codes('<template><script>alert(1)</script></template>')).toEqual(['script']);
    expect(codes('<noscript><img src="x" onerror="alert(1)"></noscript>')).toContain('event-handler');
  });

  it('refuses an onclick, naming the element and where it is', () => {
    expect(only('<nav>\n  <a href="https://a.example/" onclick="track()">A</a>\n</nav>')).toMatchObject({
      code: 'event-handler',
      line: 2,
      column: 32,
      message: expect.stringMatching(/onclick.*<a>/),
    });
  });

  it('refuses any on* attribute, whatever its case, in any namespace', () => {
    expect(codes('<IMG SRC="https://a.example/i.png" OnError="x()">')).toEqual(['event-handler']);
    expect(codes('<svg onload="x()"></svg>')).toEqual(['event-handler']);
  });

  it('refuses a javascript: link', () => {
    expect(only('<a href="javascript:alert(1)">x</a>')).toMatchObject({
      code: 'javascript-url',
      message: expect.stringContaining('href'),
    });
  });

  it('refuses an obfuscated javascript: link: entities, tabs, case and spaces', () => {
    expect(codes('<a href="java&#x09;script:alert(1)">x</a>')).toEqual(['javascript-url']);
    expect(codes('<a href="  JaVaScRiPt&colon;alert(1)">x</a>')).toEqual(['javascript-url']);
    expect(codes('<a href="java&NewLine;script:alert(1)">x</a>')).toEqual(['javascript-url']);
  });

  it('refuses vbscript: and data:text/html, and javascript: written into an href by SVG animation', () => {
    expect(codes('<a href="vbscript:msgbox(1)">x</a>')).toEqual(['javascript-url']);
    expect(codes('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).toEqual(['javascript-url']);
    expect(codes('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>')).toEqual([
      'javascript-url',
    ]);
  });

  it('refuses CSS that runs script', () => {
    expect(codes('<p style="width: expression(alert(1))">x</p>')).toEqual(['script']);
  });
});

describe('resources', () => {
  it('refuses a relative image: the form is served from another host', () => {
    expect(only('<img src="/logo.png" alt="">')).toMatchObject({
      code: 'external-resource',
      message: expect.stringContaining('another host'),
    });
  });

  it('refuses an http image: mixed content', () => {
    expect(only('<img src="http://www.diba.cat/logo.png" alt="">')).toMatchObject({
      code: 'external-resource',
      message: expect.stringContaining('mixed content'),
    });
  });

  it('refuses a relative candidate among https ones in a srcset', () => {
    expect(codes('<img src="https://a.example/1.png" srcset="https://a.example/1.png 1x, /2.png 2x">')).toEqual([
      'external-resource',
    ]);
  });

  it('refuses an <iframe>, <object>, <embed>, <base> and a meta refresh', () => {
    expect(codes('<iframe src="https://a.example/"></iframe>')).toEqual(['external-resource']);
    expect(codes('<object data="https://a.example/x.swf"></object>')).toEqual(['external-resource']);
    expect(codes('<embed src="https://a.example/x.swf">')).toEqual(['external-resource']);
    expect(codes('<base href="https://evil.example/">')).toEqual(['external-resource']);
    expect(codes('<meta http-equiv="refresh" content="0;url=https://evil.example/">')).toEqual(['external-resource']);
  });

  it('refuses media and links that are not stylesheets', () => {
    expect(codes('<video src="https://a.example/v.mp4"></video>')).toContain('external-resource');
    expect(codes('<link rel="preload" href="https://a.example/f.woff2" as="font">')).toEqual(['external-resource']);
    expect(codes('<link rel="stylesheet" href="http://a.example/s.css">')).toEqual(['external-resource']);
  });

  it('refuses an http url() in a style attribute', () => {
    expect(only('<div style="background-image: url(http://a.example/fons.png)">x</div>')).toMatchObject({
      code: 'external-resource',
      message: expect.stringContaining('style'),
    });
  });

  it('refuses an http @import in a <style>, and fonts, and escaped url()', () => {
    expect(codes('<style>@import url(http://a.example/s.css);</style>')).toEqual(['external-resource']);
    expect(codes('<style>@import "styles.css";</style>')).toEqual(['external-resource']);
    expect(codes('<style>@font-face { src: url(https://a.example/f.woff2) }</style>')).toContain('external-resource');
    expect(codes('<p style="background: u\\72l(http://a.example/x.png)">x</p>')).toEqual(['external-resource']);
  });

  it('refuses an http image in SVG, but not a reference inside the page', () => {
    expect(codes('<svg><image href="http://a.example/i.png"/></svg>')).toEqual(['external-resource']);
    expect(checkTemplate('<svg><use href="#icona"/><rect fill="url(#degradat)" width="1" height="1"/></svg>')).toEqual(
      [],
    );
  });

  it('lets plain links go anywhere but script: navigation loads nothing into the page', () => {
    expect(checkTemplate('<a href="/ajuda">Ajuda</a> <a href="http://www.diba.cat/">Diba</a>')).toEqual([]);
  });
});

describe('all problems', () => {
  it('are told together, in document order', () => {
    const html =
      '<img src="http://a.example/i.png" alt="">\n<a href="javascript:x()" onclick="y()">a</a>\n<script></script>';
    expect(checkTemplate(html).map((p) => [p.code, p.line])).toEqual([
      ['external-resource', 1],
      ['javascript-url', 2],
      ['event-handler', 2],
      ['script', 3],
    ]);
  });
});
