import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

const documents = (): string[] => [
  'README.md',
  ...(existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('docs', name))
    : []),
];

const withoutCode = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

/** Targets of inline links and images, and of reference definitions. */
const linkTargets = (text: string): string[] => {
  const prose = withoutCode(text);
  return [
    ...[...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!),
  ];
};

/** Markdown files a document names in passing (`CONTRACT.md`, `../shared/ARCHITECTURE.md`), links or not. */
const namedDocuments = (text: string): string[] =>
  [...text.replace(/\bhttps?:\/\/\S+/g, '').matchAll(/(?<![\w/.-])((?:\.{1,2}\/)?[\w./-]*\w\.md)\b/g)].map(
    (m) => m[1]!,
  );

/** What a document points to that is not a file in the repository, as `document: target`. */
const danglingReferences = (document: string, text: string): string[] => {
  const inRepo = (path: string) => {
    const inside = relative(root, path);
    return !inside.startsWith('..') && !inside.split(/[\\/]/).includes('node_modules') && existsSync(path);
  };
  const base = dirname(join(root, document));
  const links = linkTargets(text)
    .filter((target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target))
    .filter((target) => !inRepo(resolve(base, decodeURI(target.replace(/[?#].*$/, '')))));
  // A bare name may be meant from the repository's root (`bench/findings.md`); `./` or `../` only from the document.
  const named = namedDocuments(text).filter(
    (name) => !inRepo(resolve(base, name)) && (name.startsWith('.') || !inRepo(resolve(root, name))),
  );
  return [...new Set([...links, ...named])].map((target) => `${document}: ${target}`);
};

describe('the documents', () => {
  it('link only to files in the repository', () => {
    const dangling = documents().flatMap((document) =>
      danglingReferences(document, readFileSync(join(root, document), 'utf8')),
    );
    expect(dangling).toEqual([]);
  });

  it('are checked for links and for names of documents outside the repository', () => {
    const text = [
      'See [the contract](CONTRACT.md#automated-messages), ![a plot](docs/missing.png) and',
      'the rule (`../shared/ARCHITECTURE.md`); CONTRACT.md again. Fine: [results](BENCHMARKS.md),',
      '[the site](https://example.com/x.md), [above](#layout), `socket.on(x, (a) => [a](b))`.',
      '',
      '[ref]: ./tools/nowhere.ts',
    ].join('\n');
    expect(danglingReferences('README.md', text)).toEqual([
      'README.md: CONTRACT.md#automated-messages',
      'README.md: docs/missing.png',
      'README.md: ./tools/nowhere.ts',
      'README.md: CONTRACT.md',
      'README.md: ../shared/ARCHITECTURE.md',
    ]);
  });
});
