/**
 * Grammar-based generator of C programs for robustness tests: integer
 * declarations and globals, expressions with every operator of the supported
 * subset (arithmetic, shifts, comparisons, bitwise, logical, `?:`, the comma
 * operator, casts, assignments and compound assignments, `++`/`--`,
 * `sizeof`), `if`/`else`, `while`, `do`, `for`, `switch` with fall-through,
 * forward `goto`s, `break`/`continue`, calls to defined helpers and to
 * declared-only functions, `__VERIFIER_nondet_*`, `assert`,
 * `__VERIFIER_assert`/`__VERIFIER_assume`, `reach_error()`, `abort()`, and
 * `printf`. On top of valid programs: unsupported fragments (floats,
 * `__int128`, inline assembly, statement expressions, …), fragments of the
 * memory model (pointers, arrays, structs, unions, the heap, string
 * literals, …) and malformed ones (syntax errors, type errors, broken
 * preprocessor lines, odd bytes), each labelled. Separately, small programs
 * built around memory (`memoryCProgram`): arrays, structs, pointers into
 * them, the heap and string functions, with indices in bounds for some
 * inputs and out of bounds for others.
 *
 * Every arbitrary is a fast-check arbitrary whose structure grows recursively
 * up to a depth bound; with `fc.sample(arb, { seed, numRuns })` the programs
 * are the same on every run.
 */
import fc from 'fast-check';

/** What the generator meant the program to be (the tests do not rely on it for the answer). */
export type GeneratedKind = 'valid' | 'unsupported' | 'malformed';

export interface GeneratedC {
  readonly text: string;
  /** The function to ask about (`--function`). */
  readonly entry: string;
  readonly kind: GeneratedKind;
  /** Which fragment or mutation made it unsupported or malformed ('' for valid). */
  readonly note: string;
}

export interface CGeneratorOptions {
  /** Largest nesting of statements (default 3). */
  readonly maxStatementDepth?: number;
  /** Largest nesting of expressions (default 3). */
  readonly maxExpressionDepth?: number;
}

const C_INT_TYPES = [
  'int',
  'unsigned',
  'unsigned int',
  'char',
  'signed char',
  'unsigned char',
  'short',
  'unsigned short',
  'long',
  'unsigned long',
  'long long',
  'unsigned long long',
  '_Bool',
  'int8_t',
  'uint8_t',
  'int16_t',
  'uint16_t',
  'int32_t',
  'uint32_t',
  'int64_t',
  'uint64_t',
] as const;

const C_BINARY_OPERATORS = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '<<',
  '>>',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '&',
  '|',
  '^',
  '&&',
  '||',
] as const;

const C_ASSIGNMENT_OPERATORS = [
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '<<=',
  '>>=',
  '&=',
  '|=',
  '^=',
] as const;

const UNARY = ['-', '+', '!', '~'] as const;

const NONDET = [
  ['int', 'int'],
  ['uint', 'unsigned int'],
  ['char', 'char'],
  ['uchar', 'unsigned char'],
  ['short', 'short'],
  ['ushort', 'unsigned short'],
  ['long', 'long'],
  ['ulong', 'unsigned long'],
  ['bool', '_Bool'],
] as const;

const MACRO_CONSTANTS = [
  'INT_MAX',
  'INT_MIN',
  'UINT_MAX',
  'LONG_MAX',
  'LLONG_MIN',
  'SHRT_MAX',
  'UCHAR_MAX',
  'CHAR_BIT',
  'true',
  'false',
] as const;

const LITERALS = fc.oneof(
  fc.integer({ min: -3, max: 10 }).map(String),
  fc.constantFrom(
    '0',
    '1',
    '2',
    '7',
    '31',
    '32',
    '63',
    '64',
    '255',
    '256',
    '65535',
    '0x7fffffff',
    '0x80000000',
    '2147483647',
    '2147483648',
    '4294967295U',
    '0xffffffffffffffffULL',
    '9223372036854775807LL',
    '1L',
    '1UL',
    '1LL',
    '017',
    "'a'",
    "'\\n'",
    "'\\x7f'",
  ),
);

/** Names visible at a point of a function body. */
interface Scope {
  readonly vars: readonly string[];
  /** Helpers callable here, with their arity. */
  readonly helpers: readonly (readonly [string, number])[];
  readonly inLoop: boolean;
  readonly inSwitch: boolean;
  /** The function returns void. */
  readonly isVoid: boolean;
}

function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...items);
}

/** An expression over `scope`, nested at most `depth` deep. */
function cExpression(scope: Pick<Scope, 'vars' | 'helpers'>, depth: number): fc.Arbitrary<string> {
  const w = (weight: number, arbitrary: fc.Arbitrary<string>) => ({ weight, arbitrary });
  const leaves = [
    w(4, LITERALS),
    w(1, pick(MACRO_CONSTANTS)),
    w(
      1,
      pick(NONDET).map(([s]) => `__VERIFIER_nondet_${s}()`),
    ),
    w(
      1,
      pick(C_INT_TYPES).map((t) => `(int)sizeof(${t})`),
    ),
  ];
  if (scope.vars.length > 0) leaves.push(w(8, pick(scope.vars)));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = cExpression(scope, depth - 1);
  const options = [
    w(6, leaf),
    w(
      8,
      fc.tuple(sub, pick(C_BINARY_OPERATORS), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
    w(
      1,
      fc.tuple(pick(UNARY), sub).map(([op, a]) => `(${op}${a})`),
    ),
    w(
      1,
      fc.tuple(pick(C_INT_TYPES), sub).map(([t, a]) => `((${t})${a})`),
    ),
    w(
      1,
      fc.tuple(sub, sub, sub).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    ),
    w(
      1,
      fc.tuple(sub, sub).map(([a, b]) => `(${a}, ${b})`),
    ),
    w(
      1,
      sub.map((a) => `ext_int(${a})`),
    ),
  ];
  if (scope.vars.length > 0) {
    const v = pick(scope.vars);
    options.push(
      w(
        1,
        fc.tuple(v, pick(C_ASSIGNMENT_OPERATORS), sub).map(([x, op, e]) => `(${x} ${op} ${e})`),
      ),
      w(
        1,
        fc
          .tuple(v, fc.constantFrom('++', '--'), fc.boolean())
          .map(([x, op, pre]) => (pre ? `(${op}${x})` : `(${x}${op})`)),
      ),
    );
  }
  for (const [name, arity] of scope.helpers) {
    const args = fc.array(sub, { minLength: arity, maxLength: arity });
    options.push(
      w(
        2,
        args.map((a) => `${name}(${a.join(', ')})`),
      ),
    );
  }
  return fc.oneof(...options);
}

const LABEL = fc.nat({ max: 999_999 });

/** A statement (possibly compound) over `scope`, nested at most `depth` deep. */
function cStatement(scope: Scope, depth: number, exprDepth: number): fc.Arbitrary<string> {
  const e = cExpression(scope, exprDepth);
  const cond = cExpression(scope, Math.min(exprDepth, 2));
  const simple: fc.Arbitrary<string>[] = [
    e.map((x) => `${x};`),
    cond.map((c) => `assert(${c});`),
    cond.map((c) => `__VERIFIER_assert(${c});`),
    cond.map((c) => `__VERIFIER_assume(${c});`),
    cond.map((c) => `if (${c}) reach_error();`),
    cond.map((c) => `if (${c}) abort();`),
    e.map((x) => `printf("%d\\n", (int)(${x}));`),
    e.map((x) => `ext_void(${x});`),
    fc.constant(';'),
    scope.isVoid ? fc.constant('return;') : e.map((x) => `return ${x};`),
  ];
  if (scope.vars.length > 0) {
    simple.push(
      fc
        .tuple(pick(scope.vars), pick(C_ASSIGNMENT_OPERATORS), e)
        .map(([v, op, x]) => `${v} ${op} ${x};`),
      fc
        .tuple(pick(scope.vars), pick(C_ASSIGNMENT_OPERATORS), e)
        .map(([v, op, x]) => `${v} ${op} ${x};`),
      fc
        .tuple(pick(scope.vars), pick(NONDET))
        .map(([v, [s]]) => `${v} = __VERIFIER_nondet_${s}();`),
    );
  }
  if (scope.inLoop) simple.push(fc.constant('break;'), fc.constant('continue;'));
  else if (scope.inSwitch) simple.push(fc.constant('break;'));
  if (depth <= 0) return fc.oneof(...simple);
  const loopVar = `i${depth}`;
  const inLoop: Scope = { ...scope, inLoop: true, vars: [...scope.vars, loopVar] };
  const body = (s: Scope) =>
    fc
      .array(cStatement(s, depth - 1, exprDepth), { minLength: 0, maxLength: 3 })
      .map((ss) => ss.join(' '));
  const inner = body(scope);
  const loopBody = body(inLoop);
  const plainLoopBody = body({ ...scope, inLoop: true });
  const compound: fc.Arbitrary<string>[] = [
    fc.tuple(cond, inner).map(([c, s]) => `if (${c}) { ${s} }`),
    fc.tuple(cond, inner, inner).map(([c, s, t]) => `if (${c}) { ${s} } else { ${t} }`),
    fc
      .tuple(fc.integer({ min: 0, max: 20 }), pick(['<', '<=', '!=']), loopBody)
      .map(
        ([n, op, s]) => `for (int ${loopVar} = 0; ${loopVar} ${op} ${n}; ${loopVar}++) { ${s} }`,
      ),
    fc.tuple(cond, plainLoopBody).map(([c, s]) => `while (${c}) { ${s} }`),
    fc.tuple(plainLoopBody, cond).map(([s, c]) => `do { ${s} } while (${c});`),
    fc.tuple(plainLoopBody).map(([s]) => `for (;;) { ${s} break; }`),
    fc
      .tuple(
        e,
        fc.array(
          fc.tuple(
            fc.integer({ min: -2, max: 5 }),
            body({ ...scope, inSwitch: true }),
            fc.boolean(),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.option(body({ ...scope, inSwitch: true })),
      )
      .map(([x, cases, dflt]) => {
        const distinct = cases.filter(([v], i) => cases.findIndex(([w]) => w === v) === i);
        const arms = distinct.map(([v, s, brk]) => `case ${v}: ${s}${brk ? ' break;' : ''}`);
        return `switch (${x}) { ${arms.join(' ')}${dflt === null ? '' : ` default: ${dflt}`} }`;
      }),
    fc.tuple(cond, inner, LABEL).map(([c, s, n]) => `if (${c}) goto L${n}; ${s} L${n}: ;`),
    inner.map((s) => `{ ${s} }`),
  ];
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...simple) },
    { weight: 1, arbitrary: fc.oneof(...compound) },
  );
}

interface Signature {
  readonly name: string;
  readonly ret: string;
  readonly params: readonly (readonly [string, string])[];
}

const PARAMS = fc
  .array(pick(C_INT_TYPES), { minLength: 0, maxLength: 3 })
  .map((ts) => ts.map((t, i) => [t, `p${i}`] as const));

function functionText(
  sig: Signature,
  locals: readonly (readonly [string, string, string | null])[],
  body: string,
  tail: string,
): string {
  const params =
    sig.params.length === 0 ? 'void' : sig.params.map(([t, n]) => `${t} ${n}`).join(', ');
  const decls = locals.map(([t, n, init]) => `  ${t} ${n}${init === null ? '' : ` = ${init}`};`);
  return [`${sig.ret} ${sig.name}(${params}) {`, ...decls, `  ${body}`, `  ${tail}`, '}'].join(
    '\n',
  );
}

/** A function over its parameters, some locals and the globals, calling `helpers`. */
function cFunction(
  name: string,
  globals: readonly string[],
  helpers: readonly (readonly [string, number])[],
  o: Required<CGeneratorOptions>,
  fixed?: Pick<Signature, 'ret' | 'params'>,
): fc.Arbitrary<{ text: string; sig: Signature }> {
  return fc
    .record({
      ret:
        fixed !== undefined
          ? fc.constant(fixed.ret)
          : fc.oneof(
              { weight: 4, arbitrary: pick(C_INT_TYPES) },
              { weight: 1, arbitrary: fc.constant('void') },
            ),
      params: fixed !== undefined ? fc.constant(fixed.params) : PARAMS,
      localTypes: fc.array(fc.tuple(pick(C_INT_TYPES), fc.boolean()), {
        minLength: 0,
        maxLength: 3,
      }),
    })
    .chain(({ ret, params, localTypes }) => {
      const paramNames = params.map(([, n]) => n);
      const localNames = localTypes.map((_, i) => `l${i}`);
      const initScope = { vars: [...globals, ...paramNames], helpers };
      const scope: Scope = {
        vars: [...globals, ...paramNames, ...localNames],
        helpers,
        inLoop: false,
        inSwitch: false,
        isVoid: ret === 'void',
      };
      return fc
        .tuple(
          fc.array(cExpression(initScope, 1), {
            minLength: localTypes.length,
            maxLength: localTypes.length,
          }),
          fc.array(cStatement(scope, o.maxStatementDepth, o.maxExpressionDepth), {
            minLength: 1,
            maxLength: 5,
          }),
          cExpression(scope, o.maxExpressionDepth),
        )
        .map(([inits, stmts, result]) => {
          const sig: Signature = { name, ret, params };
          const locals = localTypes.map(
            ([t, init], i) => [t, `l${i}`, init ? inits[i] : null] as const,
          );
          const tail = ret === 'void' ? 'return;' : `return ${result};`;
          return { text: functionText(sig, locals, stmts.join('\n  '), tail), sig };
        });
    });
}

const PRELUDE = [
  '#include <assert.h>',
  '#include <limits.h>',
  '#include <stdbool.h>',
  '#include <stdint.h>',
  '#include <stdio.h>',
  '#include <stdlib.h>',
  ...NONDET.map(([s, t]) => `extern ${t} __VERIFIER_nondet_${s}(void);`),
  'extern void __VERIFIER_assume(int);',
  'extern void __VERIFIER_assert(int);',
  'void reach_error(void);',
  'int ext_int(int);',
  'void ext_void(int);',
].join('\n');

/** A valid program (as far as the grammar goes): globals, up to two helpers, and the entry `f`. */
export function validCProgram(options: CGeneratorOptions = {}): fc.Arbitrary<GeneratedC> {
  const o = { maxStatementDepth: 3, maxExpressionDepth: 3, ...options };
  return fc
    .record({
      globals: fc.array(fc.tuple(pick(C_INT_TYPES), fc.option(LITERALS)), {
        minLength: 0,
        maxLength: 2,
      }),
      helperCount: fc.integer({ min: 0, max: 2 }),
      withMain: fc.boolean(),
    })
    .chain(({ globals, helperCount, withMain }) => {
      const globalNames = globals.map((_, i) => `g${i}`);
      const globalText = globals.map(
        ([t, init], i) => `${t} g${i}${init === null ? '' : ` = ${init}`};`,
      );
      const shallow = { ...o, maxStatementDepth: Math.min(1, o.maxStatementDepth) };
      const h0 = cFunction('h0', globalNames, [], shallow);
      const helpers =
        helperCount === 0
          ? fc.constant([])
          : helperCount === 1
            ? h0.map((h) => [h])
            : h0.chain((a) =>
                cFunction('h1', globalNames, [[a.sig.name, a.sig.params.length]], shallow).map(
                  (b) => [a, b],
                ),
              );
      return helpers.chain((hs) => {
        const callable = hs
          .filter((h) => h.sig.ret !== 'void')
          .map((h) => [h.sig.name, h.sig.params.length] as const);
        return cFunction('f', globalNames, callable, o).chain((f) =>
          (withMain
            ? cFunction('main', globalNames, [...callable, ['f', f.sig.params.length]], shallow, {
                ret: 'int',
                params: [],
              })
            : fc.constant(null)
          ).map((main) => {
            const mainText = main === null ? [] : [main.text];
            const text = [
              PRELUDE,
              ...globalText,
              ...hs.map((h) => h.text),
              f.text,
              ...mainText,
              '',
            ].join('\n\n');
            return { text, entry: 'f', kind: 'valid' as const, note: '' };
          }),
        );
      });
    });
}

/**
 * Fragments arc does not model: statements inserted into a valid program.
 * Each was checked to be a located don't know (`unsupported`), except
 * `__typeof__` of a constant, which arc rejects as a syntax error (bad input,
 * located) though gcc accepts it; of a variable it is unsupported.
 */
const C_UNSUPPORTED_FRAGMENTS: readonly (readonly [string, string])[] = [
  ['float', 'float fl = 1.5f; fl = fl * 2;'],
  ['double', 'double db = 2.0 / 3; (void)db;'],
  ['long double', 'long double ld = 1; (void)ld;'],
  ['__int128', '__int128 big = 0; (void)big;'],
  ['inline asm', '__asm__("nop");'],
  ['statement expression', 'int se = ({ int t = 1; t + 1; }); (void)se;'],
  ['float cast', 'int fc = (int)3.7; (void)fc;'],
  ['nested function', 'int inner(int q) { return q; } (void)inner(1);'],
  ['_Alignof', 'int al = _Alignof(int); (void)al;'],
  ['label address', 'void *la = &&here; here: ;'],
  ['typeof', '__typeof__(1) ty = 2; (void)ty;'],
  ['typeof of a variable', 'int tv = 1; __typeof__(tv) ty = tv; (void)ty;'],
  ['_Generic', 'int gn = _Generic(1, int: 2, default: 3); (void)gn;'],
  ['wide character', "int wc = L'x'; (void)wc;"],
];

/**
 * Fragments of the C memory model (once unsupported, now modelled; see the
 * README, "The C memory model"): statements inserted into a valid program,
 * which stays valid.
 */
export const C_MEMORY_FRAGMENTS: readonly (readonly [string, string])[] = [
  ['pointer', 'int *ptr = 0; ptr = ptr;'],
  ['address-of', 'int cell = 1; int *pp = &cell; *pp = 2;'],
  ['array', 'int arr[4] = {0}; arr[1] = 3;'],
  ['variable-length array', 'int vla[(ext_int(1) & 3) + 1]; vla[0] = 0;'],
  ['struct', 'struct S { int a; } s; s.a = 1;'],
  ['union', 'union U { int a; char b; } u; u.a = 1;'],
  ['string literal', 'const char *str = "hi"; (void)str;'],
  ['function pointer', 'int (*fp)(int) = ext_int; (void)fp;'],
  ['void pointer', 'void *vp = 0; (void)vp;'],
  ['malloc', 'void *m = malloc(4); free(m);'],
  ['static local', 'static int sl = 0; sl++;'],
  ['compound literal', 'int cl = (int){3}; (void)cl;'],
];

/** Malformed text: a mutation of a valid program. */
const C_MALFORMATIONS: readonly (readonly [string, (text: string, at: number) => string])[] = [
  ['missing semicolon', (t, at) => removeNth(t, ';', at)],
  ['missing closing brace', (t, at) => removeNth(t, '}', at)],
  ['extra closing brace', (t) => `${t}\n}\n`],
  ['stray character', (t, at) => insertAt(t, at, ' @ ')],
  ['stray backtick', (t, at) => insertAt(t, at, '`')],
  ['unbalanced parenthesis', (t, at) => removeNth(t, ')', at)],
  ['undeclared identifier', (t) => insertInF(t, 'undeclared_var = undeclared_var + 1;')],
  ['implicit declaration', (t) => insertInF(t, 'never_declared(1, 2);')],
  ['wrong arity', (t) => insertInF(t, 'ext_int(1, 2, 3);')],
  ['duplicate local', (t) => insertInF(t, 'int dup = 1; int dup = 2;')],
  ['assignment to an rvalue', (t) => insertInF(t, '(1 + 2) = 3;')],
  ['break outside a loop', (t) => insertInF(t, 'break;')],
  ['continue outside a loop', (t) => insertInF(t, 'continue;')],
  ['goto to no label', (t) => insertInF(t, 'goto nowhere;')],
  ['duplicate label', (t) => insertInF(t, 'again: ; again: ;')],
  ['case outside a switch', (t) => insertInF(t, 'case 1: ;')],
  ['duplicate case', (t) => insertInF(t, 'switch (1) { case 1: ; case 1: ; }')],
  ['bad identifier', (t) => insertInF(t, 'int 3x = 0;')],
  ['unterminated comment', (t, at) => insertAt(t, at, '/* never closed ')],
  ['unterminated string', (t) => insertInF(t, 'printf("oops);')],
  ['missing header', (t) => `#include <no_such_header_arc.h>\n${t}`],
  ['#error', (t) => `#error stop here\n${t}`],
  ['#if without #endif', (t) => `#if 1\n${t}`],
  ['huge literal', (t) => insertInF(t, 'ext_int(123456789012345678901234567890);')],
  ['bad suffix', (t) => insertInF(t, 'ext_int(12uu);')],
  ['bad octal', (t) => insertInF(t, 'ext_int(09);')],
  ['empty character literal', (t) => insertInF(t, "ext_int('');")],
  ['multi-character literal', (t) => insertInF(t, "ext_int('ab');")],
  ['void value used', (t) => insertInF(t, 'int vv = ext_void(1);')],
  ['return value in void', (t) => `${t}\nvoid rv(void) { return 1; }\n`],
  ['missing return value', (t) => `${t}\nint mr(void) { return; }\n`],
  [
    'redefinition',
    (t) => `${t}\nint ext_int(int a) { return a; }\nint ext_int(int a) { return a; }\n`,
  ],
  ['conflicting types', (t) => `${t}\nlong ext_int(int);\n`],
  ['K&R definition', (t) => `${t}\nint kr(a) int a; { return a; }\n`],
  ['truncated', (t, at) => t.slice(0, at % Math.max(1, t.length))],
  ['NUL byte', (t, at) => insertAt(t, at, '\u0000')],
  ['deep parentheses', (t) => insertInF(t, `ext_int(${'('.repeat(400)}1${')'.repeat(400)});`)],
  [
    'deep nesting',
    (t) => insertInF(t, `${'if (1) { '.repeat(120)}ext_void(0);${' }'.repeat(120)}`),
  ],
  [
    'long expression',
    (t) => insertInF(t, `ext_int(${Array.from({ length: 1500 }, (_, i) => i % 7).join(' + ')});`),
  ],
  [
    'recursion',
    (t) =>
      `int f2r(void);\n${insertInF(t, 'if (ext_int(0)) (void)f2r();')}\nint f2r(void) { return f2r(); }\n`,
  ],
  ['entry declared only', (t) => t.replace(ENTRY_DEFINITION_TO_END, '$1 f($2);\n')],
  [
    'variadic entry',
    (t) =>
      t.replace(
        ENTRY_HEAD,
        (_m, r: string, p: string) => `${r} f(${p === 'void' ? 'int n' : p}, ...) {\n`,
      ),
  ],
];

function removeNth(text: string, ch: string, at: number): string {
  const positions = [...text].flatMap((c, i) => (c === ch ? [i] : []));
  if (positions.length === 0) return text;
  const i = positions[at % positions.length];
  return text.slice(0, i) + text.slice(i + 1);
}

function insertAt(text: string, at: number, what: string): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + what + text.slice(i);
}

/** The head of the entry's definition: return type, parameters. */
const ENTRY_HEAD = /^([A-Za-z_][\w ]*) f\(([^)]*)\) \{\n/m;
const ENTRY_DEFINITION_TO_END = /^([A-Za-z_][\w ]*) f\(([^)]*)\) \{\n[\s\S]*$/m;

/** Inserts `stmt` as the first statement of the entry function `f`. */
function insertInF(text: string, stmt: string): string {
  const m = ENTRY_HEAD.exec(text);
  if (m === null) return `${text}\n${stmt}\n`;
  const i = m.index + m[0].length;
  return `${text.slice(0, i)}  ${stmt}\n${text.slice(i)}`;
}

/** A valid program with one unsupported fragment as the entry's first statement. */
export function unsupportedCProgram(options: CGeneratorOptions = {}): fc.Arbitrary<GeneratedC> {
  return fc
    .tuple(validCProgram(options), pick(C_UNSUPPORTED_FRAGMENTS))
    .map(([p, [note, fragment]]) => ({
      ...p,
      text: insertInF(p.text, fragment),
      kind: 'unsupported' as const,
      note,
    }));
}

/** A valid program with one memory fragment (pointers, arrays, structs, heap, …) as the entry's first statement. */
export function memoryFragmentCProgram(options: CGeneratorOptions = {}): fc.Arbitrary<GeneratedC> {
  return fc
    .tuple(validCProgram(options), pick(C_MEMORY_FRAGMENTS))
    .map(([p, [note, fragment]]) => ({
      ...p,
      text: insertInF(p.text, fragment),
      note,
    }));
}

/** A valid program broken by one malformation. */
export function malformedCProgram(options: CGeneratorOptions = {}): fc.Arbitrary<GeneratedC> {
  return fc
    .tuple(validCProgram(options), pick(C_MALFORMATIONS), fc.nat({ max: 100_000 }))
    .map(([p, [note, mutate], at]) => ({
      ...p,
      text: mutate(p.text, at),
      kind: 'malformed' as const,
      note,
    }));
}

/** Whole-file oddities: empty, blank, binary, no functions, an entry that is missing. */
export const C_ODD_FILES: readonly GeneratedC[] = [
  { text: '', entry: 'f', kind: 'malformed', note: 'empty file' },
  { text: '\n\n   \n', entry: 'f', kind: 'malformed', note: 'blank file' },
  { text: '\u0000\u0001\u0002binary\u00ff', entry: 'f', kind: 'malformed', note: 'binary bytes' },
  { text: 'int g = 1;\n', entry: 'f', kind: 'malformed', note: 'no function' },
  {
    text: 'int f(int x) { return x; }\n',
    entry: 'nosuch',
    kind: 'malformed',
    note: 'missing entry',
  },
  { text: 'int f(int x);\n', entry: 'f', kind: 'malformed', note: 'entry declared only' },
  { text: 'int f(int x) { return f(x - 1); }\n', entry: 'f', kind: 'valid', note: 'recursion' },
  {
    text: '#define SQ(x) ((x) * (x))\nint f(int x) { return SQ(x) >= 0; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'function-like macro',
  },
  {
    text: 'enum E { A = 1, B = A + 4 };\nint f(int x) { return x == B ? A : B; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'enum constants',
  },
  {
    text: 'typedef unsigned char u8;\nu8 f(u8 x) { return (u8)(x + 1) > x; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'typedef',
  },
  {
    text: 'int f(int a, int b) { return a / b + a % b; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'division',
  },
  {
    text: 'int f(int x) { int y; return y + x; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'uninitialised read',
  },
  {
    text: 'int f(int x) { while (x != 0) { x = x - 2; } return x; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'loop',
  },
  { text: 'void f(void) { for (;;) { } }\n', entry: 'f', kind: 'valid', note: 'infinite loop' },
  {
    text: 'int f(struct S *s) { return 0; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'pointer parameter',
  },
  {
    text: 'float f(float x) { return x; }\n',
    entry: 'f',
    kind: 'unsupported',
    note: 'float entry',
  },
  {
    text: 'int f(int x, ...) { return x; }\n',
    entry: 'f',
    kind: 'unsupported',
    note: 'variadic entry',
  },
  { text: 'int f(int) { return 0; }\n', entry: 'f', kind: 'malformed', note: 'unnamed parameter' },
  { text: 'int f(void) { return 1 }\n', entry: 'f', kind: 'malformed', note: 'missing semicolon' },
  {
    text: 'int f(int x) { return x +; }\n',
    entry: 'f',
    kind: 'malformed',
    note: 'missing operand',
  },
  {
    text: 'int f(int x) { int x = 1; return x; }\n',
    entry: 'f',
    kind: 'malformed',
    note: 'parameter redeclared',
  },
  {
    text: '\u00ef\u00bb\u00bfint f(void) { return 0; }\n',
    entry: 'f',
    kind: 'valid',
    note: 'byte-order mark',
  },
  { text: 'int f(void) { return 0; }\r\n', entry: 'f', kind: 'valid', note: 'CRLF' },
  {
    text: 'int f(int x) { return x; } int f(int x) { return x; }\n',
    entry: 'f',
    kind: 'malformed',
    note: 'redefinition',
  },
  {
    text: 'int main(void) { int x = __VERIFIER_nondet_int(); return 10 / x; }\n',
    entry: 'main',
    kind: 'valid',
    note: 'undeclared nondet',
  },
];

/** Corner cases of C that grammar-driven generation rarely reaches. */
export const C_CORNER_FILES: readonly GeneratedC[] = [
  [
    'case range (gcc)',
    'int f(int x) { switch (x) { case 1 ... 3: return 1; default: return 0; } }',
  ],
  [
    'goto backwards',
    'int f(int x) { int n = 0; again: n++; if (n < 3 && x) goto again; return n; }',
  ],
  ['goto into a loop', 'int f(int x) { goto inside; while (x > 0) { inside: x--; } return x; }'],
  [
    'label before a declaration',
    'int f(int x) { lbl: ; int y = x; if (y > 5) goto lbl2; lbl2: return y; }',
  ],
  ['sizeof of an expression', 'int f(int x) { return (int)sizeof x + (int)sizeof(x + 1L); }'],
  ['enum variable', 'enum E { A, B = 5 }; int f(int x) { enum E e = x ? A : B; return e; }'],
  [
    'qualifiers',
    'int f(const volatile int x) { register int y = x; static const int z = 3; return y + z; }',
  ],
  [
    'static inline helper',
    'static inline int h(int a) { return a * 2; } int f(int x) { return h(x); }',
  ],
  [
    'comma in for',
    'int f(int x) { int i, j; for (i = 0, j = 10; i < j; i++, j--) x++; return x; }',
  ],
  ['unsequenced', 'int f(int x) { return x++ + ++x; }'],
  ['negative shift constant', 'int f(int x) { return x << -1; }'],
  ['global division by zero', 'int g = 1 / 0;\nint f(int x) { return g + x; }'],
  [
    'global non-constant initializer',
    'int ext(int);\nint g = ext(1);\nint f(int x) { return g + x; }',
  ],
  [
    'mutual recursion',
    'int b(int);\nint a(int x) { return x <= 0 ? 0 : b(x - 1); }\nint b(int x) { return a(x); }\nint f(int x) { return a(x); }',
  ],
  ['main with arguments', 'int main(int argc, char **argv) { return argc; }'],
  [
    'nondet with an argument',
    'extern int __VERIFIER_nondet_int();\nint f(void) { return __VERIFIER_nondet_int(3); }',
  ],
  ['assert without an argument', '#include <assert.h>\nint f(int x) { assert(); return x; }'],
  ['exit in the middle', '#include <stdlib.h>\nint f(int x) { if (x) exit(0); return 1 / x; }'],
  ['literal too large', 'int f(void) { return 9223372036854775808 > 0; }'],
  ['octal escape out of range', "int f(void) { return '\\777'; }"],
  ['empty statements', 'int f(int x) { ; ; do ; while (0); { } for (;0;) ; return x; }'],
  ['falls off the end', 'int f(int x) { if (x) return 1; }'],
  [
    'large loop bound',
    'int f(void) { unsigned n = 0; for (unsigned i = 0; i < 4000000000u; i++) n++; return n > 0; }',
  ],
  ['division by a difference', 'int f(int x) { return x / (x - x); }'],
  ['_Static_assert', '_Static_assert(sizeof(int) == 4, "int");\nint f(int x) { return x; }'],
  // arc answers bad input here ("f is not defined"): the front-end takes code after a #line
  // naming another file for a header's (reported; not fixed yet).
  ['#line directive', '#line 100 "elsewhere.c"\nint f(int x) { return x + 1; }'],
  ['#pragma once', '#pragma once\nint f(int x) { return x; }'],
  [
    'noreturn attribute',
    '__attribute__((noreturn)) void die(void);\nint f(int x) { if (x < 0) die(); return x; }',
  ],
  ['old-style declaration', 'int old();\nint f(int x) { return old(x, 2); }'],
  ['shadowing', 'int f(int x) { int y = 1; { int y = 2; x += y; } return x + y; }'],
  ['unicode identifier', 'int f(int x) { int caf\u00e9 = x; return caf\u00e9; }'],
  ['self include', '#include __FILE__\nint f(int x) { return x; }'],
  ['very long line', `int f(int x) { ${'x = x ^ 1; '.repeat(3000)}return x; }`],
  ['char arithmetic', 'int f(char c) { return c + 1 > c; }'],
  ['bool arithmetic', '#include <stdbool.h>\nbool f(bool a, bool b) { return a + b + 1; }'],
  ['long shift', 'long f(long x, int n) { return x << n >> n; }'],
  ['unsigned wrap loop', 'int f(unsigned x) { while (x != 5u) x += 3u; return 1; }'],
  ['conditional types', 'long f(int a, unsigned b) { return a < 0 ? a : b; }'],
  ['INT_MIN % -1', '#include <limits.h>\nint f(int x) { return INT_MIN % x; }'],
].map(([note, text]) => ({
  text: `${text}\n`,
  entry: note === 'main with arguments' ? 'main' : 'f',
  kind: 'valid' as const,
  note,
}));

/** Any generated C program: mostly valid, then unsupported and malformed ones. */
export function cProgram(options: CGeneratorOptions = {}): fc.Arbitrary<GeneratedC> {
  return fc.oneof(
    { weight: 5, arbitrary: validCProgram(options) },
    { weight: 2, arbitrary: unsupportedCProgram(options) },
    { weight: 3, arbitrary: malformedCProgram(options) },
  );
}

// ------------------------------------------------------------ memory programs

/** The shape of one memory program: the sizes of its objects and how it is entered. */
interface MemoryShape {
  /** The length of the array `a`. */
  readonly n: number;
  /** `int m[rows][cols]`. */
  readonly rows: number;
  readonly cols: number;
  /** The length of the member array of `struct S { int n; int v[v]; }`. */
  readonly v: number;
  /** The string literal `str` points to. */
  readonly literal: string;
  /** The objects are filled by loops (else by initialisers). */
  readonly initLoops: boolean;
  /** The entry is `main`, with x and y from `__VERIFIER_nondet_int()` (else `f(int x, int y)`). */
  readonly viaMain: boolean;
  /** `f` has a third parameter `int *in`: NULL or a block of any length. */
  readonly pointerParam: boolean;
}

/** The length of the character buffer `buf`. */
const BUF = 8;

const XY = fc.constantFrom('x', 'y');

/** A small non-negative value (an int input masked, or a constant). */
const MEM_VALUE = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map(String),
  XY.map((v) => `(${v} & 15)`),
);

/** The largest 2^k - 1 below `size`. */
function maskBelow(size: number): number {
  let mask = 0;
  while (mask * 2 + 1 <= size - 1) mask = mask * 2 + 1;
  return mask;
}

/**
 * An index into `size` elements: in bounds for every input (a constant, an
 * input masked or reduced), or, less often, out of bounds for some inputs
 * (`x & 7`, one more than a mask, one less) or for all (`size`).
 */
function memIndex(size: number): fc.Arbitrary<string> {
  const mask = maskBelow(size);
  const inBounds = fc.oneof(
    fc.integer({ min: 0, max: size - 1 }).map(String),
    XY.map((v) => `(${v} & ${mask})`),
    XY.map((v) => `(${v} & 7) % ${size}`),
  );
  const risky = fc.oneof(
    XY.map((v) => `(${v} & 7)`),
    XY.map((v) => `(${v} & ${mask}) + 1`),
    XY.map((v) => `(${v} & 3) - 1`),
    fc.constant(String(size)),
  );
  return fc.oneof({ weight: 3, arbitrary: inBounds }, { weight: 2, arbitrary: risky });
}

/** A byte count for `memset`/`memcpy` on `size` bytes: within them, or for some inputs beyond. */
function memCount(size: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: size }).map(String) },
    { weight: 2, arbitrary: XY.map((v) => `(${v} & 7)`) },
    { weight: 1, arbitrary: XY.map((v) => `(${v} & 7) + 2`) },
  );
}

/** A character constant for `c` ('\0' as 0). */
function charConstant(c: string | undefined): string {
  return c === undefined ? '0' : `'${c}'`;
}

/** A heap block of ints, used and (mostly) freed. */
function heapBlock(): fc.Arbitrary<string> {
  return fc
    .record({
      calloc: fc.boolean(),
      k: fc.integer({ min: 1, max: 4 }),
      nullCheck: fc.oneof(
        { weight: 3, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      fill: fc.boolean(),
      end: fc.constantFrom(
        'free',
        'free',
        'free',
        'leak',
        'double free',
        'use after free',
        'interior free',
      ),
    })
    .chain((h) =>
      fc.tuple(memIndex(h.k), memIndex(h.k), MEM_VALUE).map(([i, j, x]) => {
        const alloc = h.calloc
          ? `int *h = calloc(${h.k}, sizeof(int));`
          : `int *h = malloc(${h.k} * sizeof(int));`;
        const end = {
          free: 'free(h);',
          leak: '',
          'double free': 'free(h); if (x & 4) free(h);',
          'use after free': 'free(h); if (x & 8) r += h[0];',
          'interior free': 'free(h + 1);',
        }[h.end];
        return [
          '{',
          alloc,
          h.nullCheck ? 'if (h == NULL) return r;' : '',
          h.fill ? `for (int k = 0; k < ${h.k}; k++) h[k] = k;` : '',
          `h[${i}] = ${x}; r += h[${j}];`,
          end,
          '}',
        ]
          .filter((l) => l !== '')
          .join(' ');
      }),
    );
}

/** One statement of a memory program (possibly a block). */
function memStatement(s: MemoryShape): fc.Arbitrary<string> {
  const ia = memIndex(s.n);
  const iv = memIndex(s.v);
  const ir = memIndex(s.rows);
  const ic = memIndex(s.cols);
  const ib = memIndex(BUF);
  const istr = memIndex(s.literal.length + 1);
  const val = MEM_VALUE;
  const offset = fc.oneof(
    fc.integer({ min: 0, max: s.n }).map(String),
    fc.constant('(x & 1)'),
    XY.map((v) => `(${v} & 7)`),
  );
  const other = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: s.n }).map((k) => `a + ${k}`) },
    { weight: 2, arbitrary: ia.map((i) => `&a[${i}]`) },
    { weight: 1, arbitrary: fc.constantFrom('&s.v[0]', 'm[0]') },
  );
  const statements: fc.Arbitrary<string>[] = [
    fc.tuple(ia, val).map(([i, x]) => `a[${i}] = ${x};`),
    ia.map((i) => `r += a[${i}];`),
    fc.tuple(ir, ic, val).map(([i, j, x]) => `m[${i}][${j}] = ${x};`),
    fc.tuple(ir, ic).map(([i, j]) => `r += m[${i}][${j}];`),
    fc.tuple(ir, ic).map(([i, j]) => `p = m[${i}]; r += p[${j}];`),
    fc.tuple(ia, val).map(([i, x]) => `p = &a[${i}]; *p = ${x};`),
    ia.map((i) => `p = &a[${i}]; r += *p;`),
    fc.tuple(offset, memIndex(Math.max(2, s.n - 1))).map(([k, i]) => `p = a + ${k}; r += p[${i}];`),
    fc.tuple(iv, val).map(([j, x]) => `p = &s.v[${j}]; *p += ${x};`),
    iv.map((j) => `p = &s.v[${j}]; r += p[1];`),
    fc.tuple(iv, val).map(([j, x]) => `sp->v[${j}] = ${x};`),
    fc.tuple(val, iv).map(([x, j]) => `sp->n = ${x}; r += sp->v[${j}] + sp->n;`),
    heapBlock(),
    fc
      .tuple(iv, val, fc.boolean())
      .map(
        ([j, x, c]) =>
          `{ struct S *hp = ${c ? 'calloc(1, sizeof(struct S))' : 'malloc(sizeof *hp)'}; if (hp == NULL) return r; hp->n = ${x}; hp->v[${j}] = hp->n; r += hp->v[${j}]; free(hp); }`,
      ),
    fc
      .tuple(memCount(BUF), fc.option(ib))
      .map(
        ([c, i]) =>
          `memset(buf, 'a', ${c});${i === null ? '' : ` buf[${i}] = 0;`} r += (int)strlen(buf);`,
      ),
    memCount(BUF).map((c) => `memcpy(buf, str, ${c});`),
    istr.map((i) => `r += str[${i}];`),
    fc.constant('r += (int)strlen(str);'),
    fc
      .oneof(
        fc.integer({ min: 0, max: s.literal.length }).map(String),
        XY.map((v) => `(${v} & 7)`),
      )
      .map((k) => `r += (int)strlen(str + ${k});`),
    fc
      .oneof(
        fc.constant(String(Math.min(s.n, s.v))),
        XY.map((v) => `(${v} & 3)`),
        XY.map((v) => `(${v} & 7)`),
      )
      .map((c) => `memcpy(a, s.v, ${c} * sizeof(int));`),
    fc.constantFrom('memset(a, 0, sizeof a);', 'memset(&s, 0, sizeof s);'),
    fc
      .tuple(ia, other)
      .map(([i, q]) => `p = &a[${i}]; q = ${q}; if (p < q) r++; r += (int)(q - p);`),
    fc.tuple(ia, other).map(([i, q]) => `p = &a[${i}]; q = ${q}; if (p == q) r++;`),
    ia.map((i) => `r += get(a, ${i});`),
    fc.tuple(iv, val).map(([j, x]) => `put(s.v, ${j}, ${x});`),
    ia.map((i) => `r += fp(a, ${i});`),
    memIndex(3).map((i) => `p = (int[3]){1, 2, 3}; r += p[${i}];`),
    fc.tuple(val, memIndex(4)).map(([x, i]) => `u.i = ${x}; r += u.c[${i}];`),
    fc
      .constantFrom('0', '(x & 3)', '(y & 3)', '(x & 3) + 1')
      .map((i) => `{ int vla[(x & 3) + 1]; vla[${i}] = 1; r += vla[0]; }`),
    fc
      .tuple(memIndex(4), val)
      .map(([i, x]) => `{ static int st[4]; st[${i}] = ${x}; r += st[0] & 1; }`),
  ];
  if (s.pointerParam)
    statements.push(
      memIndex(4).map((i) => `if (in != NULL) r += in[${i}];`),
      fc.constant('r += *in;'),
    );
  return fc.oneof(...statements);
}

/** An assertion over a memory program's objects (`assert` or `__VERIFIER_assert`). */
function memAssertion(s: MemoryShape): fc.Arbitrary<string> {
  const cond = fc.oneof(
    fc.integer({ min: 0, max: 12 }).map((c) => `r != ${c}`),
    fc.tuple(memIndex(s.n), fc.integer({ min: 1, max: s.n })).map(([i, c]) => `a[${i}] < ${c}`),
    memIndex(s.v).map((j) => `sp->v[${j}] >= 0`),
    fc.integer({ min: 1, max: BUF }).map((c) => `strlen(buf) < ${c}`),
    fc.constantFrom('p != NULL', 'p == q', 'p >= a'),
    fc.constant(`str[0] == ${charConstant(s.literal[0])}`),
  );
  return fc
    .tuple(cond, fc.boolean())
    .map(([c, verifier]) => (verifier ? `__VERIFIER_assert(${c});` : `assert(${c});`));
}

/** Wraps a statement in a condition on an input or in a loop of two rounds, now and then. */
function memWrapped(stmt: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(stmt, fc.constantFrom('plain', 'plain', 'plain', 'plain', 'if', 'loop'), XY)
    .map(([st, how, v]) =>
      how === 'if'
        ? `if ((${v} & 1) == 0) { ${st} }`
        : how === 'loop'
          ? `for (int t = 0; t < 2; t++) { ${st} }`
          : st,
    );
}

/** The locals of a memory program, in order of declaration: name, declaration. */
function memDeclarations(s: MemoryShape): (readonly [string, string])[] {
  const ints = (k: number) => Array.from({ length: k }, (_, i) => i).join(', ');
  const loops = s.initLoops;
  return [
    [
      'a',
      loops
        ? `int a[${s.n}]; for (int k = 0; k < ${s.n}; k++) a[k] = k;`
        : `int a[${s.n}] = {${ints(s.n)}};`,
    ],
    [
      'm',
      loops
        ? `int m[${s.rows}][${s.cols}]; for (int k = 0; k < ${s.rows}; k++) for (int l = 0; l < ${s.cols}; l++) m[k][l] = k + l;`
        : `int m[${s.rows}][${s.cols}] = {{0}};`,
    ],
    [
      's',
      loops
        ? `struct S s; s.n = 0; for (int k = 0; k < ${s.v}; k++) s.v[k] = k;`
        : `struct S s = {0, {${ints(s.v)}}};`,
    ],
    ['sp', 'struct S *sp = &s;'],
    ['buf', `char buf[${BUF}] = {0};`],
    ['str', `const char *str = ${JSON.stringify(s.literal)};`],
    ['u', 'union U { int i; unsigned char c[4]; } u = {0};'],
    ['p', 'int *p = a;'],
    ['q', 'int *q = a;'],
    ['fp', 'int (*fp)(const int *, int) = get;'],
  ];
}

const MEMORY_HELPERS: readonly (readonly [string, string])[] = [
  ['get', 'static int get(const int *b, int k) { return b[k]; }'],
  ['put', 'static void put(int *b, int k, int x) { b[k] = x; }'],
];

/** Whether `name` occurs in `text` as a word. */
function mentions(text: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(text);
}

/**
 * A small valid program that uses memory, entered at `f(int x, int y)` (or
 * `main`, with x and y nondeterministic): arrays (1-D and 2-D), a struct with
 * an int and an array member (also through a struct pointer), pointers into
 * them, a heap block (malloc or calloc, maybe a NULL check, mostly freed),
 * memset/memcpy/strlen on a small buffer, a string literal, pointer
 * comparison and subtraction, a helper called directly and through a
 * function pointer, a compound literal, a union, a variable-length array and
 * a static array, and assertions. The indices are inputs masked small: in
 * bounds for every input, or out of bounds for some (or all), so that yes and
 * no both occur. Only the locals a program uses are declared; loops have
 * constant bounds of at most 8, so each proof is quick.
 */
export function memoryCProgram(): fc.Arbitrary<GeneratedC> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: 6 }),
      rows: fc.integer({ min: 2, max: 3 }),
      cols: fc.integer({ min: 2, max: 4 }),
      v: fc.integer({ min: 2, max: 4 }),
      literal: fc.constantFrom('hello', 'ab', ''),
      initLoops: fc.boolean(),
      viaMain: fc.boolean(),
      pointerParam: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    })
    .chain((shape) => {
      const s: MemoryShape = { ...shape, pointerParam: shape.pointerParam && !shape.viaMain };
      return fc
        .tuple(
          fc.array(memWrapped(memStatement(s)), { minLength: 1, maxLength: 4 }),
          fc.array(memAssertion(s), { minLength: 0, maxLength: 2 }),
          fc.nat(),
        )
        .map(([stmts, asserts, at]) => {
          // The assertions go between the statements.
          const body = [...stmts];
          asserts.forEach((a, i) => body.splice((at + i) % (body.length + 1), 0, a));
          let used = body.join('\n');
          const decls: string[] = [];
          for (const [name, decl] of memDeclarations(s).reverse()) {
            if (!mentions(used, name)) continue;
            decls.unshift(decl);
            used = `${decl}\n${used}`;
          }
          const helpers = MEMORY_HELPERS.filter(([name]) => mentions(used, name)).map(
            ([, text]) => text,
          );
          const head = s.viaMain
            ? [
                'int main(void) {',
                '  int x = __VERIFIER_nondet_int();',
                '  int y = __VERIFIER_nondet_int();',
              ]
            : [`int f(int x, int y${s.pointerParam ? ', int *in' : ''}) {`];
          const text = [
            '#include <assert.h>',
            '#include <stdlib.h>',
            '#include <string.h>',
            'extern int __VERIFIER_nondet_int(void);',
            'extern void __VERIFIER_assert(int);',
            `struct S { int n; int v[${s.v}]; };`,
            ...helpers,
            ...head,
            '  int r = 0;',
            ...decls.map((d) => `  ${d}`),
            ...body.map((b) => `  ${b}`),
            '  return r;',
            '}',
            '',
          ].join('\n');
          return {
            text,
            entry: s.viaMain ? 'main' : 'f',
            kind: 'valid' as const,
            note: 'memory',
          };
        });
    });
}
