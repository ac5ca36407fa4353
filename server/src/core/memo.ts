// What the rules and the citation reader compute once per parsed document or paragraph, kept on
// that object itself, under a symbol, not enumerable: no part of the model (JSON, Object.keys and
// copies made by spreading do not see it), gone with the object.
//
// Not in WeakMaps keyed by the object: V8's young-generation collections keep a WeakMap's values
// alive until the next full collection, so what was computed for every document linted since then was
// copied by each of them and promoted to the old generation. In a loop linting seed 000, a young
// collection took about 4 ms (2.8 MB surviving) with the caches in WeakMaps, under 1 ms on the object.

const MEMO = Symbol('computed once per object');
const NOTHING = Symbol('nothing computed');

interface HasMemo { [MEMO]?: unknown[] }

/** Where an object keeps one thing computed from it (memoSlot). */
export interface MemoSlot<T> { readonly index: number; readonly name: string; readonly type?: T }

let slots = 0;
/** A slot for one thing computed once per object, made once per thing (a module or instance constant). */
export function memoSlot<T>(name: string): MemoSlot<T> {
  return { index: slots++, name };
}

/**
 * A base for objects made in numbers that keep computed things (an opener's words, one per
 * paragraph): their memo is a private field, made with them, where defining a property on each
 * (setMemo) took about 2 % of a lint of seed 000. Private, so no copy takes it along.
 */
export abstract class WithMemo {
  #memo: unknown[] = [];
  /** The memo of a WithMemo, or undefined for any other object. */
  static memoOf(owner: object): unknown[] | undefined {
    return #memo in owner ? (owner as WithMemo).#memo : undefined;
  }
  /** `to` shares what is computed for `from`, from now on: what either computes, the other has. */
  static share(from: WithMemo, to: WithMemo): void {
    to.#memo = from.#memo;
  }
}

/**
 * The object's memo, made on first use. Not enumerable: a copy made by spreading (`{ ...doc, paragraphs }`,
 * the paragraph views of incremental analysis) or Object.assign must not take it along, or what is
 * computed for the copy would be what was computed for the original, and the reverse (a view's few
 * citations served as the whole document's: hovers found nothing after a second analysis).
 */
function memoFor(owner: object): unknown[] {
  return knownMemo(owner) ?? setMemo(owner, []);
}

/** The object's memo if it has one: a WithMemo's field, or the property setMemo defined. */
function knownMemo(owner: object): unknown[] | undefined {
  return (owner as HasMemo)[MEMO] ?? WithMemo.memoOf(owner);
}

function setMemo(owner: object, memo: unknown[]): unknown[] {
  Object.defineProperty(owner, MEMO, { value: memo, writable: true, configurable: true, enumerable: false });
  return memo;
}

/** What `compute` gives for `owner`, computed on the first call for that object and slot. */
export function memoized<O extends object, T>(owner: O, slot: MemoSlot<T>, compute: (owner: O) => T): T {
  const memo = memoFor(owner);
  const known = memo[slot.index];
  if (known !== undefined) return (known === NOTHING ? undefined : known) as T;
  const value = compute(owner);
  memo[slot.index] = value === undefined ? NOTHING : value;
  return value;
}

/** What was computed for `owner` in `slot`, if it was (memoized without computing). */
export function memoOf<T>(owner: object, slot: MemoSlot<T>): T | undefined {
  const known = knownMemo(owner)?.[slot.index];
  return (known === NOTHING ? undefined : known) as T | undefined;
}
