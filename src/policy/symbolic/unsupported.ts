/**
 * A construct the symbolic encoding cannot represent exactly. Encoders
 * throw it; the question layer catches it and answers don't know with the
 * reason and the JSON path, so no approximation can ever reach a yes.
 */
export class Unencodable extends Error {
  constructor(
    readonly reason: string,
    readonly jsonPath: string,
  ) {
    super(`${jsonPath}: ${reason}`);
    this.name = 'Unencodable';
  }
}
