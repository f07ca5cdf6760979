/**
 * arc's C memory model, as IR: every object (a local whose address is taken
 * or that is an array, struct or union; a global of that kind; a string
 * literal; a heap block; a function whose address is taken) has an object
 * id, and a pointer is one bit-vector of the data model's pointer width
 * holding (object id, byte offset): the top `objBits` bits are the object,
 * the rest the offset. NULL is object 0, offset 0; object 0 is never live.
 *
 * The state of memory is four IR variables, created on first use (a
 * function that touches no memory has none of them):
 * - `$mem`: byte address (a whole pointer) → byte (u8). Byte-precise, little
 *   endian: a value of n bytes is n consecutive bytes, so unions, `char *`
 *   access, `memcpy` and casts between pointer types mean what they mean in C.
 * - `$size`: object → size in bytes.
 * - `$state`: object → `ObjState` (0 for every object never allocated).
 * - `$next`: the next fresh object id. Objects are never reused.
 * - `$heap`: how many heap blocks are allocated and not freed (the leak checks).
 *
 * `$mem` starts arbitrary (one `havoc` at the entry), so uninitialised locals
 * and `malloc`ed blocks read arbitrary bytes; `$size`/`$state` start at 0.
 *
 * Every access of n bytes at pointer p asserts, as `valid-deref` properties:
 * p is not NULL (object 0); its object is live (allocated, not freed, not out
 * of scope; writable for a write: string literals are read-only); and
 * offset + n ≤ size. Each later check is evaluated only where the earlier
 * ones hold (asserts continue under their condition).
 *
 * Limits (the README documents them): at most 2^objBits - 1 objects per run
 * (runs that allocate more are outside the model: an `assume` cuts them) and
 * objects smaller than 2^offBits bytes; floating point and integer-to-pointer
 * casts of addresses that were never pointers (they point into the NULL
 * object and every access through them is invalid). A bit-field is no object
 * of its own: lower.ts reads and writes the bytes its bits cover.
 */
import type { SourceSpan } from '../../core/diagnostic.js';
import {
  arrayType,
  boolType,
  bvType,
  constant,
  GHOST_INDEX,
  variable,
  type ArrayType,
  type BitVecType,
  type Expr,
  type Observable,
  type Variable,
} from '../../ir/ir.js';
import type { FnBuilder } from '../builder.js';
import type { DataModel } from './ctypes.js';
import { binary, cast, compare, isConst, not } from './fold.js';

/** What an object is, and whether it is live. */
export const ObjState = {
  none: 0n,
  global: 1n,
  stack: 2n,
  heap: 3n,
  deadStack: 4n,
  freed: 5n,
  readOnly: 6n,
  function: 7n,
} as const;

export interface MemoryVars {
  readonly mem: string;
  readonly size: string;
  readonly state: string;
  readonly next: string;
  readonly heap: string;
}

/** A static object: a global, a string literal or a function, with a fixed id. */
export interface StaticObject {
  readonly id: number;
  readonly state: bigint;
  readonly size: number;
  /** Initial bytes (offset → byte), written at the entry; null: contents arbitrary. */
  readonly bytes: ReadonlyMap<number, number> | null;
  readonly what: string;
}

export class Memory {
  readonly ptrT: BitVecType;
  readonly objT: BitVecType;
  readonly byteT: BitVecType = bvType(8, false);
  readonly memT: ArrayType;
  readonly sizeT: ArrayType;
  readonly stateT: ArrayType;
  readonly objBits: number;
  readonly offBits: number;
  readonly ptrBytes: number;
  private v: MemoryVars | null = null;
  readonly statics: StaticObject[] = [];
  /**
   * Variables that address integer elements (a local array's `$obj`, an
   * `int *`), with the element's size and signedness: their `CELL`
   * observables (`a[K]`) are invariant vocabulary.
   */
  readonly cellTypes = new Map<string, { readonly bytes: number; readonly signed: boolean }>();
  /** Source descriptions of objects by static id, for messages. */
  private nextStatic = 1;

  constructor(
    private readonly b: FnBuilder,
    readonly model: DataModel,
  ) {
    // LP64 pointers are stored as 8 bytes but held in 40 bits (16 object, 24
    // offset bits): (uintptr_t)p is object · 2^24 + offset, an implementation-
    // defined mapping C allows, and narrower arithmetic is much cheaper to solve.
    this.ptrBytes = model === 'LP64' ? 8 : 4;
    this.objBits = model === 'LP64' ? 16 : 11;
    this.offBits = model === 'LP64' ? 24 : 21;
    this.ptrT = bvType(this.objBits + this.offBits, false);
    this.objT = bvType(this.objBits, false);
    this.memT = arrayType(this.ptrT, this.byteT);
    this.sizeT = arrayType(this.objT, this.ptrT);
    this.stateT = arrayType(this.objT, this.byteT);
  }

  /** Whether the lowered code uses memory at all. */
  get used(): boolean {
    return this.v !== null;
  }

  /** The memory variables (declared on first use). */
  get vars(): MemoryVars {
    if (this.v === null) {
      const decl = (name: string, type: ArrayType | BitVecType, source: string): string =>
        this.b.variable(name, type, source, 'memory');
      this.v = {
        mem: decl('$mem', this.memT, 'memory'),
        size: decl('$size', this.sizeT, 'object sizes'),
        state: decl('$state', this.stateT, 'object states'),
        next: decl('$next', this.objT, 'next object'),
        heap: decl('$heap', this.ptrT, 'allocated heap blocks'),
      };
    }
    return this.v;
  }

  memVar(): Expr {
    return variable(this.vars.mem, this.memT);
  }
  sizeVar(): Expr {
    return variable(this.vars.size, this.sizeT);
  }
  stateVar(): Expr {
    return variable(this.vars.state, this.stateT);
  }
  nextVar(): Expr {
    return variable(this.vars.next, this.objT);
  }
  heapVar(): Expr {
    return variable(this.vars.heap, this.ptrT);
  }

  /**
   * Invariant vocabulary for the pointer variables among `vars` (not arc's own
   * `$` temporaries) and the local arrays: the object a pointer points to, its offset there, and
   * that object's size, state and last byte. Loop invariants over memory are mostly
   * about these (`OBJECT_SIZE(a) == 4 * n`, `POINTER_OFFSET(p) <= 8`).
   */
  observables(vars: readonly Variable[]): Observable[] {
    if (!this.used) return [];
    const out: Observable[] = [];
    for (const v of vars) {
      if (v.type.kind !== 'bv' || v.type.width !== this.ptrT.width) continue;
      // A local array's object (`$obj` holds its address), or a pointer variable.
      const array = v.name.startsWith('$obj') && v.sourceType.includes('[');
      const pointer =
        !v.name.startsWith('$') &&
        /\*\s*((const|volatile|restrict|__restrict)\s*)*$/.test(v.sourceType);
      if (!array && !pointer) continue;
      const p = variable(v.name, this.ptrT);
      const obj = this.objOf(p);
      out.push(
        { name: `@obj:${v.name}`, expr: obj, label: 'POINTER_OBJECT', of: v.name, role: 'tag' },
        {
          name: `@off:${v.name}`,
          expr: this.offOf(p),
          label: 'POINTER_OFFSET',
          of: v.name,
          role: 'measure',
        },
        {
          name: `@size:${v.name}`,
          expr: this.sizeOfObj(obj),
          label: 'OBJECT_SIZE',
          of: v.name,
          role: 'measure',
        },
        {
          name: `@state:${v.name}`,
          expr: this.stateOf(obj),
          label: 'OBJECT_STATE',
          of: v.name,
          role: 'tag',
        },
        // The byte a C string's terminator is usually in: `while (*s) s++` stays in bounds.
        {
          name: `@last:${v.name}`,
          expr: this.loadBytes(
            this.mk(obj, binary('sub', this.sizeOfObj(obj), constant(this.ptrT, 1n))),
            1,
          ),
          label: 'LAST_BYTE',
          of: v.name,
          role: 'tag',
        },
      );
      const cell = this.cellTypes.get(v.name);
      if (cell !== undefined) {
        // The element at the ghost index K (unsigned, pointer-wide): p + K·size.
        const k = variable(GHOST_INDEX, this.ptrT);
        const at = binary('add', p, binary('mul', k, constant(this.ptrT, BigInt(cell.bytes))));
        out.push({
          name: `@cell:${v.name}`,
          expr: cast(this.loadBytes(at, cell.bytes), bvType(8 * cell.bytes, cell.signed)),
          label: 'CELL',
          of: v.name,
          role: 'cell',
        });
      }
    }
    return out;
  }

  // ---- pointers --------------------------------------------------------------

  ptrConst(obj: number, off: number | bigint): Expr {
    return constant(this.ptrT, (BigInt(obj) << BigInt(this.offBits)) | BigInt(off));
  }

  /** The pointer to offset `off` (of the pointer type) of object `obj` (of the object type). */
  mk(obj: Expr, off: Expr): Expr {
    const hi = binary('shl', cast(obj, this.ptrT), constant(this.ptrT, BigInt(this.offBits)));
    return binary('bitor', hi, binary('bitand', off, this.offMask()));
  }

  private offMask(): Expr {
    return constant(this.ptrT, (1n << BigInt(this.offBits)) - 1n);
  }

  objOf(p: Expr): Expr {
    return cast(binary('shr', p, constant(this.ptrT, BigInt(this.offBits))), this.objT);
  }

  offOf(p: Expr): Expr {
    return binary('bitand', p, this.offMask());
  }

  add(p: Expr, bytes: bigint): Expr {
    return bytes === 0n
      ? p
      : binary('add', p, constant(this.ptrT, BigInt.asUintN(this.ptrT.width, bytes)));
  }

  sizeOfObj(obj: Expr): Expr {
    return { kind: 'select', type: this.ptrT, array: this.sizeVar(), index: obj };
  }

  stateOf(obj: Expr): Expr {
    return { kind: 'select', type: this.byteT, array: this.stateVar(), index: obj };
  }

  isState(obj: Expr, ...states: bigint[]): Expr {
    const s = this.stateOf(obj);
    return states
      .map((k) => compare('eq', s, constant(this.byteT, k)))
      .reduce((acc, c) => binary('or', acc, c));
  }

  // ---- bytes ---------------------------------------------------------------

  /** The `n`-byte little-endian value at `p` as an unsigned bit-vector of 8n bits (no checks). */
  loadBytes(p: Expr, n: number): Expr {
    const t = bvType(8 * n, false);
    let acc: Expr | null = null;
    for (let k = 0; k < n; k++) {
      const byte: Expr = {
        kind: 'select',
        type: this.byteT,
        array: this.memVar(),
        index: this.add(p, BigInt(k)),
      };
      const part =
        k === 0 ? cast(byte, t) : binary('shl', cast(byte, t), constant(t, BigInt(8 * k)));
      acc = acc === null ? part : binary('bitor', acc, part);
    }
    return acc ?? constant(t, 0n);
  }

  /** `$mem` with the `n` bytes of `value` (a bit-vector of 8n bits) stored at `p`. */
  storeBytes(mem: Expr, p: Expr, n: number, value: Expr): Expr {
    const t = bvType(8 * n, false);
    const v = cast(value, t);
    let acc = mem;
    for (let k = 0; k < n; k++) {
      const byte = cast(k === 0 ? v : binary('shr', v, constant(t, BigInt(8 * k))), this.byteT);
      acc = {
        kind: 'store',
        type: this.memT,
        array: acc,
        index: this.add(p, BigInt(k)),
        value: byte,
      };
    }
    return acc;
  }

  // ---- objects ---------------------------------------------------------------

  /** A new static object (global, string literal, function); its id is fixed. */
  staticObject(
    state: bigint,
    size: number,
    bytes: ReadonlyMap<number, number> | null,
    what: string,
  ): number {
    const id = this.nextStatic++;
    this.statics.push({ id, state, size, bytes, what });
    return id;
  }

  /** The first id of the objects allocated at run time. */
  get firstDynamic(): number {
    return this.nextStatic;
  }

  /** Bounds check helper: `off + n ≤ size` with no wrap-around. */
  inBounds(p: Expr, n: number): Expr {
    const size = this.sizeOfObj(this.objOf(p));
    const off = this.offOf(p);
    const nn = constant(this.ptrT, BigInt(n));
    return binary('and', compare('ge', size, nn), compare('le', off, binary('sub', size, nn)));
  }

  /**
   * Emits at the cursor: a fresh object of `size` bytes in `state`; returns
   * the IR variable holding the pointer to it. Runs that would exceed the
   * object ids are cut (an `assume`; see the module comment).
   */
  allocate(
    state: bigint,
    size: Expr,
    span: SourceSpan | undefined,
    source: string,
    sourceType: string,
  ): string {
    const v = this.vars;
    const p = this.b.variable('$obj', this.ptrT, source, sourceType);
    const next = this.nextVar();
    const max = constant(this.objT, (1n << BigInt(this.objBits)) - 1n);
    this.b.emit({ kind: 'assume', cond: compare('lt', next, max) }, span);
    this.b.emit({ kind: 'assign', target: p, value: this.mk(next, constant(this.ptrT, 0n)) }, span);
    this.b.emit(
      {
        kind: 'assign',
        target: v.size,
        value: {
          kind: 'store',
          type: this.sizeT,
          array: this.sizeVar(),
          index: next,
          value: cast(size, this.ptrT),
        },
      },
      span,
    );
    this.b.emit(
      {
        kind: 'assign',
        target: v.state,
        value: {
          kind: 'store',
          type: this.stateT,
          array: this.stateVar(),
          index: next,
          value: constant(this.byteT, state),
        },
      },
      span,
    );
    this.b.emit(
      { kind: 'assign', target: v.next, value: binary('add', next, constant(this.objT, 1n)) },
      span,
    );
    if (state === ObjState.heap)
      this.b.emit(
        {
          kind: 'assign',
          target: v.heap,
          value: binary('add', this.heapVar(), constant(this.ptrT, 1n)),
        },
        span,
      );
    return p;
  }

  /** Emits: the object `p` points to gets `state` (a stack object dies, a heap block is freed). */
  setState(p: Expr, state: bigint, span: SourceSpan | undefined): void {
    const v = this.vars;
    this.b.emit(
      {
        kind: 'assign',
        target: v.state,
        value: {
          kind: 'store',
          type: this.stateT,
          array: this.stateVar(),
          index: this.objOf(p),
          value: constant(this.byteT, state),
        },
      },
      span,
    );
  }

  /** Emits the initial state of memory: arbitrary bytes, no objects but the static ones. */
  emitInitial(span: SourceSpan | undefined): void {
    if (this.v === null) return;
    const v = this.v;
    this.b.emit({ kind: 'havoc', target: v.mem, source: 'the initial contents of memory' }, span);
    this.b.emit({ kind: 'assign', target: v.size, value: constant(this.sizeT, 0n) }, span);
    this.b.emit({ kind: 'assign', target: v.state, value: constant(this.stateT, 0n) }, span);
    this.b.emit(
      { kind: 'assign', target: v.next, value: constant(this.objT, BigInt(this.nextStatic)) },
      span,
    );
    this.b.emit({ kind: 'assign', target: v.heap, value: constant(this.ptrT, 0n) }, span);
    for (const o of this.statics) {
      const id = constant(this.objT, BigInt(o.id));
      let size: Expr = {
        kind: 'store',
        type: this.sizeT,
        array: this.sizeVar(),
        index: id,
        value: constant(this.ptrT, BigInt(o.size)),
      };
      this.b.emit({ kind: 'assign', target: v.size, value: size }, span);
      size = {
        kind: 'store',
        type: this.stateT,
        array: this.stateVar(),
        index: id,
        value: constant(this.byteT, o.state),
      };
      this.b.emit({ kind: 'assign', target: v.state, value: size }, span);
      if (o.bytes === null) continue;
      let mem = this.memVar();
      for (let off = 0; off < o.size; off++) {
        const byte = o.bytes.get(off) ?? 0;
        mem = {
          kind: 'store',
          type: this.memT,
          array: mem,
          index: this.ptrConst(o.id, off),
          value: constant(this.byteT, BigInt(byte)),
        };
      }
      if (o.size > 0) this.b.emit({ kind: 'assign', target: v.mem, value: mem }, span);
    }
  }
}

/** `e` as an IR bool that is true iff the pointer `p` is NULL. */
export function isNull(p: Expr): Expr {
  return compare('eq', p, constant(p.type, 0n));
}

export { not, isConst, boolType };
