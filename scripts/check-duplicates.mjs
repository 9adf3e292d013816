#!/usr/bin/env node
// Fails when code in the given folders (default: src) repeats itself: two places sharing six or more
// lines that are the same, or the same shape with other names, strings and numbers.
// Usage: node scripts/check-duplicates.mjs [--all] [--min-lines N] [dir ...]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated', '.git']);
/** Lines standing in more places than this are an idiom of the language, not a copy. */
const MOST_PLACES = 8;

const KEYWORDS = new Set(
  (
    'abstract as async await break case catch class const constructor continue declare default delete do else ' +
    'enum export extends false finally for from function get if implements import in infer instanceof interface ' +
    'is keyof let new null of override private protected public readonly return satisfies set static super switch ' +
    'this throw true try type typeof undefined unique var void while yield'
  ).split(' '),
);
const MODIFIERS = new Set(['readonly', 'private', 'protected', 'public', 'static', 'declare', 'abstract', 'override']);
const PUNCTUATION_ONLY = /^[\s()[\]{};,]*$/;

/**
 * Splits one line into tokens, names, strings and numbers replaced by ID, STR and NUM; `state` carries
 * block comments and template literals over line ends.
 */
const tokenize = (line, state) => {
  const tokens = [];
  let i = 0;
  const skipTemplate = () => {
    while (i < line.length && line[i] !== '`') i += line[i] === '\\' ? 2 : 1;
    if (i < line.length) {
      i += 1;
      state.inTemplate = false;
      tokens.push('STR');
    }
  };
  if (state.inTemplate) {
    skipTemplate();
    if (state.inTemplate) return [];
  }
  while (i < line.length) {
    if (state.inComment) {
      const end = line.indexOf('*/', i);
      if (end < 0) return tokens;
      state.inComment = false;
      i = end + 2;
      continue;
    }
    const char = line[i];
    const rest = line.slice(i);
    if (/\s/.test(char)) i += 1;
    else if (rest.startsWith('//')) break;
    else if (rest.startsWith('/*')) {
      state.inComment = true;
      i += 2;
    } else if (char === '`') {
      i += 1;
      state.inTemplate = true;
      skipTemplate();
    } else if (char === "'" || char === '"') {
      i += 1;
      while (i < line.length && line[i] !== char) i += line[i] === '\\' ? 2 : 1;
      i += 1;
      tokens.push('STR');
    } else if (/[A-Za-z_$]/.test(char)) {
      const word = /^[\w$]+/.exec(rest)[0];
      const member = tokens.at(-1) === '.' || tokens.at(-1) === '?.';
      tokens.push(KEYWORDS.has(word) && !member ? word : 'ID');
      i += word.length;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(line[i + 1] ?? ''))) {
      i += /^[0-9._a-fA-FxXnobe+-]+/.exec(rest)[0].length;
      tokens.push('NUM');
    } else {
      const operator = /^(\.\.\.|=>|[=!]==?|&&|\|\||\?\?|\?\.|[<>]=?|[-+*/%&|^~!?:;,.=(){}[\]@#<>])/.exec(rest);
      tokens.push(operator ? operator[0] : char);
      i += operator ? operator[0].length : 1;
    }
  }
  return tokens;
};

const isImportStart = (text) => /^import[\s{*'"]/.test(text) || /^export\s.*\sfrom\s+['"]/.test(text);

/** The lines that count, each with its number, its shape and its text (white space folded). */
const codeLines = (source) => {
  const state = { inComment: false, inTemplate: false };
  const lines = [];
  let inImport = false;
  source.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim().replace(/\s+/g, ' ');
    const startedInCode = !state.inComment && !state.inTemplate;
    const tokens = tokenize(raw, state);
    if (inImport) {
      if (/\bfrom\s+['"]|^['"]|;\s*$/.test(text)) inImport = false;
      return;
    }
    if (startedInCode && isImportStart(text)) {
      if (!/\bfrom\s+['"]|^import\s+['"]|;\s*$/.test(text)) inImport = true;
      return;
    }
    const shape = tokens.join(' ');
    if (shape === '' || PUNCTUATION_ONLY.test(shape)) return;
    lines.push({ line: index + 1, shape, text, tokens });
  });
  return lines;
};

/**
 * Thin lines say little on their own: members of a type or an object (`name: value`), entries of a
 * list or a union, and the heads of declarations. A run made mostly of them is boilerplate: data and
 * signatures that look alike because they describe things alike, not logic written twice.
 */
const isThin = (tokens) => {
  let i = 0;
  while (MODIFIERS.has(tokens[i])) i += 1;
  const head = tokens[i];
  const next = tokens[i + 1] === '?' || tokens[i + 1] === '!' ? tokens[i + 2] : tokens[i + 1];
  if ((head === 'ID' || head === 'STR' || head === 'NUM') && next === ':') return true;
  const shape = tokens.join(' ');
  if (/^([|&] |\.\.\. )?(ID|STR|NUM)( \. ID)*( ,)?$/.test(shape)) return true;
  // A list of names or literals on one line (a registration's dependencies, a table row's keys) is data too.
  if (/^\[ (ID|STR|NUM)( , (ID|STR|NUM))*( ,)? \]( ,)?$/.test(shape)) return true;
  if (head === 'case' || head === 'default' || head === 'constructor') return true;
  return /^(export )?(default )?(abstract )?(interface|type|class|enum) ID\b/.test(shape);
};

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(join(dir, entry.name));
    return entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [];
  });

/** Pairs of window starts, per pair of files, whose `minLines` lines have the same key. */
const matchingWindows = (parsed, minLines, keyOf) => {
  const places = new Map();
  parsed.forEach(({ lines }, fileIndex) => {
    for (let start = 0; start + minLines <= lines.length; start += 1) {
      const key = lines
        .slice(start, start + minLines)
        .map(keyOf)
        .join('\n');
      if (!places.has(key)) places.set(key, []);
      places.get(key).push({ fileIndex, start });
    }
  });
  let tooCommon = 0;
  const matches = new Map();
  for (const found of places.values()) {
    if (found.length > MOST_PLACES) {
      tooCommon += 1;
      continue;
    }
    found.forEach((a, index) =>
      found.slice(index + 1).forEach((b) => {
        if (a.fileIndex === b.fileIndex && Math.abs(a.start - b.start) < minLines) return;
        const pairKey = `${a.fileIndex}:${b.fileIndex}`;
        if (!matches.has(pairKey)) matches.set(pairKey, new Set());
        matches.get(pairKey).add(`${a.start}:${b.start}`);
      }),
    );
  }
  return { matches, tooCommon };
};

/** Windows on one diagonal that follow each other, merged: [{fileA, fileB, a, b, length}]. */
const mergedRuns = (matches, minLines) =>
  [...matches].flatMap(([pairKey, starts]) => {
    const [fileA, fileB] = pairKey.split(':').map(Number);
    return [...starts].flatMap((start) => {
      const [a, b] = start.split(':').map(Number);
      if (starts.has(`${a - 1}:${b - 1}`)) return [];
      let length = minLines;
      while (starts.has(`${a + length - minLines + 1}:${b + length - minLines + 1}`)) length += 1;
      return [{ fileA, fileB, a, b, length }];
    });
  });

/** How many files of each folder hold each line shape: a shape in three or more is the folder's idiom. */
const filesPerShapeByFolder = (parsed) => {
  const counts = new Map();
  for (const { file, lines } of parsed) {
    for (const shape of new Set(lines.map((line) => line.shape))) {
      const key = `${dirname(file)}\n${shape}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return (file, shape) => counts.get(`${dirname(file)}\n${shape}`) ?? 0;
};

/**
 * Every pair of places sharing `minLines` or more lines, the same to the letter or the same shape,
 * windows merged into runs: [{ a: {file, from, to}, b: {file, from, to}, lines, identical, boilerplate }],
 * longest first. A run is boilerplate when at least half of its lines are thin or, for a run alike only
 * in shape, a line shape that three or more files of its folder hold (a route table, a schema list).
 */
const findDuplicates = (files, { minLines = 6 } = {}) => {
  const parsed = files.map(({ file, source }) => ({ file, lines: codeLines(source) }));
  const filesWithShape = filesPerShapeByFolder(parsed);
  const byText = matchingWindows(parsed, minLines, (line) => line.text);
  const byShape = matchingWindows(parsed, minLines, (line) => line.shape);
  const found = new Map();
  for (const run of [...mergedRuns(byText.matches, minLines), ...mergedRuns(byShape.matches, minLines)]) {
    const { file: fileA, lines: linesA } = parsed[run.fileA];
    const { file: fileB, lines: linesB } = parsed[run.fileB];
    const sideA = linesA.slice(run.a, run.a + run.length);
    const sideB = linesB.slice(run.b, run.b + run.length);
    const identical = sideA.every((line, index) => line.text === sideB[index].text);
    const idiom = (line) =>
      !identical && Math.max(filesWithShape(fileA, line.shape), filesWithShape(fileB, line.shape)) >= 3;
    const thin = sideA.filter((line) => isThin(line.tokens) || idiom(line)).length;
    const key = `${run.fileA}:${run.fileB}:${run.a}:${run.b}:${run.length}`;
    found.set(key, {
      a: { file: fileA, from: sideA[0].line, to: sideA.at(-1).line },
      b: { file: fileB, from: sideB[0].line, to: sideB.at(-1).line },
      lines: run.length,
      identical,
      boilerplate: thin * 2 >= run.length,
    });
  }
  const runs = [...found.values()].sort(
    (x, y) => y.lines - x.lines || x.a.file.localeCompare(y.a.file) || x.a.from - y.a.from,
  );
  return { runs, tooCommon: byShape.tooCommon + byText.tooCommon, filesRead: parsed.length };
};

const describe = (run) =>
  `${run.a.file}:${run.a.from}-${run.a.to} ~ ${run.b.file}:${run.b.from}-${run.b.to} (${run.lines} lines` +
  `${run.identical ? '' : ', shape'}${run.boilerplate ? ', boilerplate' : ''})`;

const main = (argv) => {
  const all = argv.includes('--all');
  const minIndex = argv.indexOf('--min-lines');
  const minLines = minIndex >= 0 ? Number(argv[minIndex + 1]) : 6;
  const dirs = argv.filter((arg, index) => !arg.startsWith('--') && (minIndex < 0 || index !== minIndex + 1));
  const roots = dirs.length > 0 ? dirs : ['src'];
  const files = roots.flatMap((root) =>
    sourceFiles(root).map((file) => ({ file: relative(process.cwd(), file), source: readFileSync(file, 'utf8') })),
  );
  const { runs, tooCommon, filesRead } = findDuplicates(files, { minLines });
  const copies = runs.filter((run) => !run.boilerplate);
  for (const run of all ? runs : copies) console.log(describe(run));
  const boilerplate = runs.length - copies.length;
  console.log(
    `${copies.length} copied runs of ${minLines}+ lines in ${filesRead} files under ${roots.join(', ')}` +
      ` (${boilerplate} boilerplate runs${all ? '' : ' not shown, --all lists them'}; ` +
      `${tooCommon} windows standing in more than ${MOST_PLACES} places left out as too common)`,
  );
  if (copies.length > 0) {
    console.error('Code is copied: move what the places share into one function they both call.');
    process.exitCode = 1;
  }
};

main(process.argv.slice(2));
