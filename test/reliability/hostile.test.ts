import * as assert from 'assert';
import { opportunityDocumentation } from '../../src/docs';
import { safeLink } from '../../src/view/format';
import { documentedExample } from '../standin/documentedExample';
import { CSP, NONCE, renderDocument, valueText } from './helpers';

const HOSTILE_STRINGS: [string, string][] = [
  ['a script tag', '<script>alert(1)</script>'],
  ['an event handler', '<img src=x onerror="alert(1)">'],
  ['an attribute break-out', '" autofocus onfocus="alert(1)" x="'],
  ['a single-quote break-out', "' onmouseover='alert(1)"],
  ['a closing script tag', '</script><script>alert(1)</script>'],
  ['closing title and style tags', '</title></style></textarea><b>bold</b>'],
  ['a javascript: link', 'javascript:alert(document.cookie)'],
  ['a command: link', 'command:workbench.action.terminal.new'],
  ['an anchor with javascript:', '<a href="javascript:alert(1)">click</a>'],
  ['a markdown command link', '[open](command:workbench.action.openSettings)'],
  ['CSS injection', '<style>*{display:none}</style><div style="background:url(https://evil.example/x)">'],
  ['a CSS expression', 'x{} body{background:red} y{'],
  ['template syntax', '{{constructor.constructor("alert(1)")()}} ${alert(1)} <%= 7*7 %> #{7*7}'],
  ['an SVG payload', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['an iframe', '<iframe src="https://evil.example"></iframe>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['entities already escaped', '&lt;b&gt; &amp; &#x3C;script&#x3E;'],
  ['an HTML comment', '<!-- <script>alert(1)</script> -->'],
  ['bidi overrides', '\u202Egnp.exe\u202C \u2066isolate\u2069 \u200Frtl'],
  ['zero-width characters', 'zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFF'],
  ['a very long line', 'A'.repeat(20000)],
  ['emoji', '👩‍💻 🚀 🇪🇸 ✓ é'],
  ['line breaks of every kind', 'one\ntwo\r\nthree\rfour\u2028five'],
  ['backticks and quotes', '`code` "double" \'single\''],
];

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'link', 'title', 'body', 'header', 'main', 'div', 'h1', 'h2', 'p', 'span', 'dl', 'dt', 'dd',
  'details', 'summary', 'button', 'ul', 'li', 'code', 'script',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'class', 'id', 'data-field', 'data-group', 'open',
  'tabindex', 'aria-describedby', 'aria-hidden', 'role', 'title', 'type', 'data-action', 'aria-label', 'aria-live', 'data-link', 'nonce', 'src', 'data-opportunity-id',
]);

function assertNothingFromData(document: Document): void {
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `no <${tag}> made from data`);
    for (const attribute of element.getAttributeNames()) {
      assert.ok(ALLOWED_ATTRIBUTES.has(attribute), `no ${attribute}= attribute made from data`);
    }
  }
  assert.strictEqual(document.querySelectorAll('a').length, 0, 'no raw anchors');
  const scripts = [...document.querySelectorAll('script')];
  assert.strictEqual(scripts.length, 1, 'one script');
  assert.strictEqual(scripts[0].getAttribute('nonce'), NONCE);
  assert.strictEqual(scripts[0].getAttribute('src'), 'https://webview.test/media/panel.js');
  assert.strictEqual(scripts[0].textContent, '', 'no inline script');
  const metas = document.querySelectorAll('meta[http-equiv]');
  assert.strictEqual(metas.length, 1);
  assert.strictEqual(metas[0].getAttribute('content'), CSP);
  const stylesheets = [...document.querySelectorAll('link')].map((l) => l.getAttribute('href'));
  assert.deepStrictEqual(stylesheets, ['https://webview.test/media/panel.css']);
  for (const element of document.querySelectorAll('[href], [src]')) {
    assert.match(element.getAttribute('href') ?? element.getAttribute('src') ?? '', /^https:\/\/webview\.test\/media\//);
  }
}

describe('reliability: hostile text in every string field', () => {
  const example = documentedExample();
  const stringFields = [...opportunityDocumentation().fields.filter((f) => f.type === 'string').map((f) => f.name), 'ToStringText'];

  it('covers all 29 documented string fields and ToStringText', () => {
    assert.strictEqual(stringFields.length, 30);
  });

  for (const field of stringFields) {
    for (const [name, text] of HOSTILE_STRINGS) {
      it(`${field} holding ${name}: shown as the exact text, nothing made from it`, () => {
        const document = renderDocument({ ...example, [field]: text });
        assert.strictEqual(valueText(document, field), text);
        assertNothingFromData(document);
      });
    }
  }

  it('Name with hostile text is the exact page heading and title', () => {
    for (const [, text] of HOSTILE_STRINGS) {
      const document = renderDocument({ ...example, Name: text });
      assert.strictEqual(document.querySelector('#opportunity-name')?.textContent, text);
      assert.strictEqual(document.title, text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, ''), 'the <title> holds the text, whitespace collapsed by HTML');
    }
  });

  it('field names from the API are data too: a hostile key is shown as text', () => {
    const key = '<img src=x onerror=alert(1)>"';
    const document = renderDocument({ ...example, [key]: 'value' });
    const field = [...document.querySelectorAll('main .field[data-field]')].find((f) => f.getAttribute('data-field') === key);
    assert.ok(field, 'the field is shown');
    assertNothingFromData(document);
  });

  it('links are offered only for http, https and mailto, as buttons the extension checks', () => {
    assert.strictEqual(safeLink('https://acme.example/about'), 'https://acme.example/about');
    assert.strictEqual(safeLink('www.acme.example'), 'https://www.acme.example');
    assert.strictEqual(safeLink('ada@acme.example'), 'mailto:ada@acme.example');
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'vscode://x', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'https://a b', 'JaVaScRiPt:alert(1)']) {
      assert.strictEqual(safeLink(bad), undefined, bad);
    }
    const document = renderDocument({ ...example, TeamProfileWebsite: 'https://acme.example/"onclick="x', CoworkerEmail: 'ada@acme.example' });
    const website = document.querySelector('.field[data-field="TeamProfileWebsite"] button.link');
    assert.strictEqual(website?.getAttribute('data-link'), 'https://acme.example/%22onclick=%22x');
    assert.strictEqual(website?.textContent, 'https://acme.example/"onclick="x');
    assert.strictEqual(document.querySelector('.field[data-field="CoworkerEmail"] button.link')?.getAttribute('data-link'), 'mailto:ada@acme.example');
  });
});
