import {
  type DefaultTreeAdapterTypes,
  defaultTreeAdapter,
  html as HTML,
  type ParserError,
  parse,
  parseFragment,
} from 'parse5';
import { ValidationFailed } from '../../platform/kernel/errors';

/**
 * A department's header and footer (step 3 of a form request) go, as they are, around the
 * contact form on the form's own page. They are checked here before they are stored: they must
 * be well-formed HTML that can neither run script nor make the page load anything but https
 * images and stylesheets. The HTML is read by parse5, the same tree-building algorithm browsers
 * use, so what is checked is what a browser would build; only CSS (which parse5 does not read)
 * is scanned as text.
 */

import { TEMPLATE_PARTS, type TemplatePart } from './template-keys';

export { TEMPLATE_PARTS, type TemplatePart };

/** 100 KB of UTF-8: a generous header, far from anything that would slow the form's page. */
export const TEMPLATE_MAX_BYTES = 100 * 1024;

export type TemplateProblem = {
  readonly code:
    | 'not-well-formed'
    | 'script'
    | 'event-handler'
    | 'javascript-url'
    | 'external-resource'
    | 'too-large'
    | 'empty';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
};

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Attribute = Element['attrs'][number];
type Code = TemplateProblem['code'];

/** The problems that make a header or footer unacceptable, in document order; none when it is fine. */
export function checkTemplate(html: string): TemplateProblem[] {
  const bytes = new TextEncoder().encode(html).length;
  if (bytes > TEMPLATE_MAX_BYTES) {
    return [
      {
        code: 'too-large',
        message: `The template is ${Math.ceil(bytes / 1024)} KB; at most ${TEMPLATE_MAX_BYTES / 1024} KB is accepted.`,
      },
    ];
  }
  if (html.trim() === '') return [{ code: 'empty', message: 'The template is empty.' }];
  return new Checker(html).run();
}

/**
 * Elements with no end tag. Every other element must be closed explicitly, and in the order it
 * was opened: the template is pasted before or after the form, so an element it leaves open
 * would swallow the form, and the optional end tags of HTML (`</p>`, `</li>`, `</td>`) are
 * required here so that what the department wrote is exactly what the browser builds.
 */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
  'frame',
]);

/** Elements the parser adds without a tag of their own in valid HTML (`<table><tr>` gets a `<tbody>`). */
const IMPLIED = new Set(['tbody', 'colgroup']);

/** Elements whose content is text, not markup: what is in them is not tags. */
const TEXT_ONLY = new Set([
  'style',
  'script',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);

/**
 * Elements refused outright, and why. `script` (in any namespace: parse5 puts an SVG
 * `<script>` in the SVG namespace, and browsers run it) is 'script'. The others are
 * 'external-resource': each loads another document or a plug-in into the page (`iframe`,
 * `frame`, `frameset`, `object`, `embed`, `applet`, `portal`, `fencedframe`), or media, which only
 * images and stylesheets may be (`video`, `audio`, `track`), or, for `base`, changes where every
 * relative URL of the page points, the form's own scripts included.
 */
const REFUSED: ReadonlyMap<string, { code: Code; why: string }> = new Map([
  ['script', { code: 'script', why: 'templates cannot run script' }],
  ...['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe'].map(
    (name) => [name, { code: 'external-resource', why: 'it would load another document into the page' }] as const,
  ),
  ...['video', 'audio', 'track'].map(
    (name) =>
      [name, { code: 'external-resource', why: 'only images and stylesheets may be loaded, not media' }] as const,
  ),
  ['base', { code: 'external-resource', why: 'it would change where every relative URL of the form’s page points' }],
]);

/** Attributes holding a URL (or, for `srcset`, `ping` and SVG animation values, several). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'imagesrcset',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'cite',
  'longdesc',
  'ping',
  'lowsrc',
  'dynsrc',
  'codebase',
  'manifest',
  // SVG <set>/<animate> can write a javascript: URL into an href: `<set attributeName="href" to="javascript:…">`.
  'to',
  'from',
  'values',
]);

/**
 * Schemes that run script when followed or loaded: `javascript:`, `vbscript:`, and `data:` URLs
 * of a document type (HTML, XHTML, SVG, XML), which run their own scripts.
 */
function scriptScheme(url: string): string | undefined {
  // What browsers do to a URL before reading its scheme (the URL standard): strip leading and
  // trailing controls and spaces, drop tabs and newlines anywhere. Other controls and spaces are
  // dropped too, to be safe. Entities were already decoded by the parser.
  const cleaned = [...url]
    .filter((c) => c > ' ' && c !== '\u007f')
    .join('')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
  if (scheme === 'javascript' || scheme === 'vbscript') return `${scheme}:`;
  if (scheme === 'data') {
    const type = cleaned.slice(5).split(/[;,]/)[0]?.trim() ?? '';
    if (['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml'].includes(type)) {
      return `data:${type}`;
    }
  }
  return undefined;
}

/** Images and stylesheets must be absolute https URLs. */
const isHttps = (url: string) => /^https:\/\/[^/\s]/i.test(url.trim());

/**
 * Why a resource URL is refused, if it is: the form is served from another host than the
 * department's site, so a relative URL would point at the form's host and break; `http:` would
 * be mixed content on the form's https page (blocked or warned about by browsers); anything
 * else (`data:`, `ftp:`, protocol-relative `//`) is not an https URL a reviewer can check.
 */
function resourceRefusal(url: string): string | undefined {
  const value = url.trim();
  if (isHttps(value)) return undefined;
  if (/^http:/i.test(value)) return 'http would be mixed content on the form’s https page; use https';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return 'only https URLs may be loaded';
  return 'the form is served from another host, so a relative URL would not reach your site; use an absolute https URL';
}

/** The URLs of a `srcset`: each candidate is a URL then optional descriptors, separated by commas. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && /[\s,]/.test(value.charAt(at))) at++;
    if (at >= value.length) break;
    let end = at;
    while (end < value.length && !/\s/.test(value.charAt(end))) end++;
    let url = value.slice(at, end);
    const endsCandidate = url.endsWith(',');
    url = url.replace(/,+$/, '');
    if (url) urls.push(url);
    at = end;
    if (!endsCandidate) {
      while (at < value.length && value.charAt(at) !== ',') at++;
    }
  }
  return urls;
}

/** The URLs an attribute holds, for the scheme check. */
function attributeUrls(attribute: Attribute): string[] {
  switch (attribute.name) {
    case 'srcset':
    case 'imagesrcset':
      return srcsetUrls(attribute.value);
    case 'ping':
      return attribute.value.split(/\s+/).filter(Boolean);
    case 'values':
      return attribute.value.split(';');
    default:
      return [attribute.value];
  }
}

/** CSS without comments and with its escapes decoded (`u\72l(` is `url(`). */
function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1');
}

/** A CSS string or `url(…)` argument starting at `at`. */
function cssArgument(css: string, at: number): string {
  let start = at;
  while (/\s/.test(css.charAt(start))) start++;
  const quote = css.charAt(start);
  if (quote === '"' || quote === "'") {
    const end = css.indexOf(quote, start + 1);
    return css.slice(start + 1, end === -1 ? undefined : end);
  }
  const end = css.indexOf(')', start);
  return css.slice(start, end === -1 ? undefined : end).trim();
}

/**
 * What CSS would load, and what it must not do. Only images (`url(…)` in a property) and
 * stylesheets (`@import`) may be loaded, from https; fonts (`@font-face`) are refused, as every
 * resource type but images and stylesheets is; `url(#id)` refers into the page (SVG gradients)
 * and loads nothing. `expression()` and `-moz-binding` are old ways for CSS to run script.
 */
function cssProblems(raw: string): { code: Code; what: string }[] {
  const css = plainCss(raw);
  const found: { code: Code; what: string }[] = [];
  const lower = css.toLowerCase();
  if (/expression\s*\(|-moz-binding|behavior\s*:/.test(lower)) {
    found.push({ code: 'script', what: 'CSS that runs script (expression(), -moz-binding or behavior)' });
  }
  if (lower.includes('@font-face')) {
    found.push({ code: 'external-resource', what: '@font-face: only images and stylesheets may be loaded, not fonts' });
  }
  for (const match of lower.matchAll(/@import(?!\s*url\s*\()/g)) {
    const url = cssArgument(css, match.index + match[0].length);
    const why = resourceRefusal(url);
    if (why) found.push({ code: 'external-resource', what: `@import of “${url}”: ${why}` });
  }
  for (const match of lower.matchAll(/(url|src|image-set|-webkit-image-set)\s*\(/g)) {
    const start = match.index + match[0].length;
    const args =
      match[1] === 'url' || match[1] === 'src'
        ? [cssArgument(css, start)]
        : [...css.slice(start, css.indexOf(')', start) + 1 || undefined).matchAll(/["']([^"']*)["']/g)].map(
            (m) => m[1] ?? '',
          );
    for (const url of args) {
      if (url === '' || url.startsWith('#')) continue;
      const scheme = scriptScheme(url);
      if (scheme) {
        found.push({ code: 'javascript-url', what: `a ${scheme} URL in CSS` });
        continue;
      }
      const why = resourceRefusal(url);
      if (why) found.push({ code: 'external-resource', what: `${match[1]}(${url}): ${why}` });
    }
  }
  return found;
}

const tag = (element: Element) => `<${element.tagName}>`;

class Checker {
  private readonly problems: { offset: number; problem: TemplateProblem }[] = [];
  /** Source ranges that parsed into something: what is left over, the parser ignored. */
  private readonly covered: [number, number][] = [];
  private readonly lineStarts: number[] = [0];

  constructor(private readonly html: string) {
    for (let i = 0; i < html.length; i++) {
      const c = html.charAt(i);
      if (c === '\n' || (c === '\r' && html.charAt(i + 1) !== '\n')) this.lineStarts.push(i + 1);
    }
  }

  run(): TemplateProblem[] {
    const errors: ParserError[] = [];
    // Parsed as the browser will: inside the <body> of the form's page. With scripting off, so that
    // what is inside <noscript> is parsed as markup and checked too.
    const body = defaultTreeAdapter.createElement('body', HTML.NS.HTML, []);
    const fragment = parseFragment(body, this.html, {
      sourceCodeLocationInfo: true,
      scriptingEnabled: false,
      onParseError: (error) => errors.push(error),
    });
    for (const error of errors) {
      this.report(error.startOffset, 'not-well-formed', `The HTML has an error (${error.code})`);
    }
    this.wholeDocument();
    this.walk(fragment);
    this.leftOver();
    // Document order; one problem per place and kind (a parse error and the unclosed element it
    // leaves are the same mistake).
    const seen = new Set<string>();
    return this.problems
      .sort((a, b) => a.offset - b.offset)
      .map(({ problem }) => problem)
      .filter((problem) => {
        const key = `${problem.code}@${problem.line}:${problem.column}`;
        if (problem.code === 'not-well-formed' && seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  private report(offset: number, code: Code, what: string): void {
    const { line, column } = this.position(offset);
    const where = `line ${line}, column ${column}`;
    // The line and column travel as fields too: the API puts them first (assertTemplates).
    const message = what.includes('{at}') ? what.replace('{at}', where) : `${what}.`;
    this.problems.push({ offset, problem: { code, message, line, column } });
  }

  /**
   * A whole page given as a header: the fragment parser silently drops its `<!DOCTYPE>`,
   * `<html>`, `<head>` and `<body>` tags, so they are found by parsing it as a document. A header
   * or footer goes inside the form's page, which has its own; one problem says so.
   */
  private wholeDocument(): void {
    const document = parse(this.html, { sourceCodeLocationInfo: true });
    const found: { name: string; start: number; end: number }[] = [];
    const note = (name: string, location: { startOffset: number; endOffset: number } | null | undefined) => {
      if (location) found.push({ name, start: location.startOffset, end: location.endOffset });
    };
    for (const node of document.childNodes) {
      if (node.nodeName === '#documentType') note('<!DOCTYPE>', node.sourceCodeLocation);
      if (!defaultTreeAdapter.isElementNode(node) || node.tagName !== 'html') continue;
      note('<html>', node.sourceCodeLocation?.startTag);
      note('</html>', node.sourceCodeLocation?.endTag);
      for (const child of node.childNodes) {
        if (!defaultTreeAdapter.isElementNode(child) || (child.tagName !== 'head' && child.tagName !== 'body'))
          continue;
        note(`<${child.tagName}>`, child.sourceCodeLocation?.startTag);
        note(`</${child.tagName}>`, child.sourceCodeLocation?.endTag);
      }
    }
    const starts = found.filter((tag) => !tag.name.startsWith('</')).sort((a, b) => a.start - b.start);
    const first = starts[0];
    if (!first) return;
    for (const tag of found) this.covered.push([tag.start, tag.end]);
    this.report(
      first.start,
      'not-well-formed',
      `The template is a whole page (${starts.map((tag) => tag.name).join(', ')}, from {at}): a header or footer is only the part that goes inside the form’s page, so leave out <!DOCTYPE>, <html>, <head> and <body>.`,
    );
  }

  private walk(parent: ParentNode): void {
    for (const node of parent.childNodes) this.visit(node, parent);
    // A <template>'s children are in its content, a fragment of its own.
    if ('content' in parent && parent.tagName === 'template') this.walk(parent.content);
  }

  private visit(node: ChildNode, parent: ParentNode): void {
    const location = node.sourceCodeLocation;
    if (defaultTreeAdapter.isTextNode(node)) {
      if (!location) return;
      this.covered.push([location.startOffset, location.endOffset]);
      const inText = defaultTreeAdapter.isElementNode(parent) && TEXT_ONLY.has(parent.tagName);
      if (!inText) this.swallowedTags(location.startOffset, location.endOffset);
      return;
    }
    if (defaultTreeAdapter.isCommentNode(node)) {
      if (location) this.covered.push([location.startOffset, location.endOffset]);
      return;
    }
    if (!defaultTreeAdapter.isElementNode(node)) return;
    this.structure(node);
    this.element(node);
    this.walk(node);
  }

  /** Whether the element is as written: opened by a tag of its own, and closed by one (or void). */
  private structure(element: Element): void {
    const location = element.sourceCodeLocation;
    if (!location?.startTag) {
      if (element.namespaceURI === HTML.NS.HTML && IMPLIED.has(element.tagName)) return;
      // The parser made it: to repair misnested tags (`<b><p></b></p>` reopens the <b> inside the
      // <p>), or for an end tag with nothing to close (`</p>` becomes <p></p>).
      const near = this.firstOffsetIn(element) ?? 0;
      this.report(near, 'not-well-formed', `Tags are misnested: a browser has to make up a ${tag(element)} here`);
      return;
    }
    const { startOffset, endOffset } = location.startTag;
    this.covered.push([startOffset, endOffset]);
    if (location.endTag) {
      this.covered.push([location.endTag.startOffset, location.endTag.endOffset]);
      return;
    }
    if (element.namespaceURI === HTML.NS.HTML && VOID.has(element.tagName)) return;
    // In SVG and MathML, `<path/>` closes itself.
    if (element.namespaceURI !== HTML.NS.HTML && this.html.slice(startOffset, endOffset).endsWith('/>')) return;
    this.report(startOffset, 'not-well-formed', `${tag(element)} is not closed (or closed out of order)`);
  }

  private firstOffsetIn(element: Element): number | undefined {
    for (const child of element.childNodes) {
      const location = child.sourceCodeLocation;
      if (location) return location.startOffset;
      if (defaultTreeAdapter.isElementNode(child)) {
        const inner = this.firstOffsetIn(child);
        if (inner !== undefined) return inner;
      }
    }
    return undefined;
  }

  /**
   * Tags the parser dropped inside text: adjacent text is joined into one node whose source
   * range spans what was dropped between (`a</div>b`). In text, `<` then a letter, `/` or `!`
   * always starts a tag or comment, so one found there was dropped.
   */
  private swallowedTags(start: number, end: number): void {
    const source = this.html.slice(start, end);
    for (const match of source.matchAll(/<(?:\/?[a-z]|!)[^>]*>?/gi)) {
      const offset = start + match.index;
      if (this.covered.some(([from, to]) => offset >= from && offset < to && !(from === start && to === end))) continue;
      this.report(offset, 'not-well-formed', `${this.snippet(match[0])} is out of place and a browser would ignore it`);
    }
  }

  /** Source the parser made nothing of: stray end tags and tags out of place. */
  private leftOver(): void {
    const ranges = [...this.covered].sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [from, to] of [...ranges, [this.html.length, this.html.length] as [number, number]]) {
      if (from > at) {
        const gap = this.html.slice(at, from);
        const lead = gap.length - gap.trimStart().length;
        if (gap.trim() !== '') {
          this.report(
            at + lead,
            'not-well-formed',
            `${this.snippet(gap.trim())} is out of place and a browser would ignore it`,
          );
        }
      }
      at = Math.max(at, to);
    }
  }

  private snippet(source: string): string {
    const short = source.length > 40 ? `${source.slice(0, 40)}…` : source;
    return `“${short}”`;
  }

  /** What the element is, loads and runs. */
  private element(element: Element): void {
    const location = element.sourceCodeLocation;
    const offset = location?.startOffset ?? 0;
    const attributeOffset = (attribute: Attribute) =>
      location?.attrs?.[attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name]?.startOffset ??
      offset;
    const name = tag(element);
    const refused = REFUSED.get(element.tagName);
    if (refused) this.report(offset, refused.code, `${name} is not allowed: ${refused.why}`);

    const get = (attributeName: string) => element.attrs.find((a) => a.name === attributeName && !a.prefix)?.value;
    if (element.tagName === 'meta' && get('http-equiv') !== undefined) {
      // A refresh loads another page; the others set headers (cookies, a security policy) for the form's page.
      this.report(offset, 'external-resource', `${name} with http-equiv is not allowed: it acts on the whole page`);
    }

    const resources = this.resourceAttributes(element, get);
    for (const attribute of element.attrs) {
      const shown = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
      const at = attributeOffset(attribute);
      if (attribute.name.toLowerCase().startsWith('on')) {
        this.report(at, 'event-handler', `The ${shown} attribute of ${name} is an event handler, which runs script`);
        continue;
      }
      if (attribute.name === 'style') {
        for (const found of cssProblems(attribute.value)) {
          this.report(at, found.code, `The style attribute of ${name} has ${found.what}`);
        }
        continue;
      }
      if (!URL_ATTRIBUTES.has(attribute.name)) continue;
      const scheme = attributeUrls(attribute).map(scriptScheme).find(Boolean);
      if (scheme) {
        this.report(at, 'javascript-url', `The ${shown} attribute of ${name} is a ${scheme} URL, which runs script`);
        continue;
      }
      const kind = resources.get(attribute);
      if (kind === 'refused') {
        this.report(
          at,
          'external-resource',
          `The ${shown} attribute of ${name} would load something other than an image or a stylesheet`,
        );
        continue;
      }
      if (!kind) continue;
      for (const url of attributeUrls(attribute)) {
        const why = resourceRefusal(url);
        if (why) {
          this.report(
            at,
            'external-resource',
            `The ${shown} attribute of ${name} loads the ${kind} “${url.trim()}”: ${why}`,
          );
          break;
        }
      }
    }

    if (element.tagName === 'style') {
      const css = element.childNodes.map((child) => (defaultTreeAdapter.isTextNode(child) ? child.value : '')).join('');
      for (const found of cssProblems(css)) this.report(offset, found.code, `${name} has ${found.what}`);
    }
  }

  /**
   * The attributes of an element that make the page load something, and what: an image or a
   * stylesheet (which must then be https), or anything else ('refused'). Links, form actions and
   * the like are navigation, not loading: only their scheme is checked.
   */
  private resourceAttributes(
    element: Element,
    get: (name: string) => string | undefined,
  ): Map<Attribute, 'image' | 'stylesheet' | 'refused'> {
    const kinds = new Map<Attribute, 'image' | 'stylesheet' | 'refused'>();
    const mark = (names: string[], kind: 'image' | 'stylesheet' | 'refused') => {
      for (const attribute of element.attrs) if (names.includes(attribute.name)) kinds.set(attribute, kind);
    };
    if (element.namespaceURI === HTML.NS.HTML) {
      switch (element.tagName) {
        case 'img':
          mark(['src', 'srcset', 'lowsrc', 'dynsrc'], 'image');
          break;
        case 'input':
          if (get('type')?.trim().toLowerCase() === 'image') mark(['src'], 'image');
          break;
        case 'source':
          // In a <picture>, an image; in <video> or <audio> (refused anyway), media.
          mark(['src', 'srcset'], element.parentNode?.nodeName === 'picture' ? 'image' : 'refused');
          break;
        case 'link': {
          // Only stylesheets: icons, preloads, prefetches, module preloads (script!) and manifests
          // would all load something else.
          const rel = (get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
          const stylesheet = rel.includes('stylesheet') && rel.every((r) => r === 'stylesheet' || r === 'alternate');
          mark(['href', 'imagesrcset'], stylesheet ? 'stylesheet' : 'refused');
          break;
        }
        default:
          mark(['background'], 'image');
          mark(['poster'], 'refused');
      }
    } else if (element.tagName !== 'a') {
      // SVG <image>, <feImage> and <use> load what href points to, unless it is in the page (#id).
      const external = element.attrs.filter((a) => a.name === 'href' && !a.value.trim().startsWith('#'));
      for (const attribute of external) kinds.set(attribute, 'image');
    }
    return kinds;
  }
}

/** A language's header and footer checked together: refused with every problem of each, by line and column. */
export function assertTemplates(templates: Readonly<Record<TemplatePart, string>>): void {
  const issues = TEMPLATE_PARTS.flatMap((part) =>
    checkTemplate(templates[part]).map((problem) => ({
      path: part,
      message:
        problem.line === undefined
          ? problem.message
          : `Line ${problem.line}, column ${problem.column ?? 1}: ${problem.message}`,
    })),
  );
  if (issues.length > 0) throw new ValidationFailed(issues);
}
