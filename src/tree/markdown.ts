/**
 * Tooltips are Markdown, and most of what they show comes from the API: descriptions, hostnames
 * and tags anyone with access to the organisation can set. `escapeMarkdown` makes such a value
 * inert text: every ASCII punctuation character is backslash-escaped (CommonMark allows that
 * for all of them), so no emphasis, link, image, raw HTML, entity or `command:` link can form;
 * line breaks become spaces so a value cannot start a heading, list or code block of its own.
 * The MarkdownString is also created untrusted and without HTML (see treeItem.ts).
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// C0/C1 controls, line and paragraph separators, and bidi overrides that could disguise text.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;

export function escapeMarkdown(text: string): string {
  return text.replace(INVISIBLE, '').replace(LINE_BREAKS, ' ').replace(PUNCTUATION, '\\$&');
}

/** One tooltip line, `**Label:** value`, with the value escaped; undefined when there is no value. */
export function field(label: string, value: string | number | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : `**${label}:** ${escapeMarkdown(text)}`;
}

/** A title line followed by the fields that have values, as Markdown hard-broken lines. */
export function tooltip(title: string, lines: readonly (string | undefined)[]): string {
  const body = lines.filter((line): line is string => line !== undefined);
  return [`**${escapeMarkdown(title)}**`, '', body.join('  \n')].join('\n');
}
