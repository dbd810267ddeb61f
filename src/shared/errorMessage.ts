/** The message of anything thrown: an Error's message, a thrown string itself, else its text. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return String(e);
  } catch {
    return Object.prototype.toString.call(e);
  }
}
