// A minimal Atom 1.0 (RFC 4287) writer. Everything interpolated goes through xmlText/xmlAttr, which
// also drop the characters XML 1.0 forbids, so no report text can break the document.

// Control characters other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF are not allowed in XML 1.0.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  published: string;
  summary: string;
  categories: { term: string; label: string }[];
  /** [lat, lng], written as a GeoRSS point. */
  point?: [number, number];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  selfLink: string;
  alternateLink: string;
  author: string;
  updated: string;
  entries: AtomEntry[];
}

export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" xml:lang="${xmlAttr(feed.lang)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${xmlText(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(feed.selfLink)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttr(feed.alternateLink)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    '  <generator>Dezvolt</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlAttr(e.link)}"/>`,
      `    <published>${xmlText(e.published)}</published>`,
      `    <updated>${xmlText(e.updated)}</updated>`,
      ...e.categories.map((c) => `    <category term="${xmlAttr(c.term)}" label="${xmlAttr(c.label)}"/>`),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      ...(e.point ? [`    <georss:point>${e.point[0]} ${e.point[1]}</georss:point>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
