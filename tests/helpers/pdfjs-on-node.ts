/**
 * pdf.js 6 calls Promise.withResolvers, which Node gained in version 22; the tests run on
 * Node 20 too. Imported before pdf.js by the helpers that use it. Tests only: the app
 * never loads pdf.js.
 */
type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
const PromiseWith = Promise as unknown as { withResolvers?: WithResolvers };
if (typeof PromiseWith.withResolvers !== 'function') {
  PromiseWith.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
export {};
