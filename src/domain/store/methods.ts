/**
 * The method names of a store port, as a runtime list the compiler checks complete: `composeStore` builds the flat
 * `Store` from them, and the contract suites (test/contract/) check that every one of them is exercised.
 */

/** `names` must list every key of `P` and nothing else (an object literal: the compiler reports a missing or extra name). */
export function methodsOf<P>(names: Record<keyof P & string, true>): (keyof P & string)[] {
  return Object.keys(names) as (keyof P & string)[];
}
