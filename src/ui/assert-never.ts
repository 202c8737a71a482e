/** Ends an exhaustive switch: adding a member to a union without handling it fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
