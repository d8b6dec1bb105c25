/**
 * Splits a child process's output into lines and keeps the last few of them, for error messages.
 */

/** Keeps the last `capacity` lines written to it. */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 40) {}

  /** Appends one line, dropping the oldest when full. */
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  /** The kept lines, oldest first. */
  snapshot(): string[] {
    return [...this.lines];
  }
}

/**
 * Turns chunks of a byte stream into complete lines (without the line break) for `onLine`.
 * Call `flush()` at end of stream to emit a last line that has no trailing newline.
 */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  /** Feeds one chunk. */
  write(chunk: Buffer | string): void {
    this.pending += chunk.toString();
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      this.onLine(this.pending.slice(0, newline).replace(/\r$/, ''));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
  }

  /** Emits what is left as a last line, if anything. */
  flush(): void {
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }
}
