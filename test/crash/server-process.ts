import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The production server as an operator runs it (`node dist/server/server/main.js`), in a child process that the
 * crash test can kill with SIGKILL at any moment and start again on the same database and port.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  starts = 0;

  constructor(
    readonly root: string,
    readonly port: number,
    readonly env: Record<string, string>,
    readonly logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  /** The end of the server's output, for error messages. */
  tail(chars = 2000): string {
    try {
      return readFileSync(this.logFile, 'utf8').slice(-chars);
    } catch {
      return '';
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and waits until /api/health answers 200. */
  async start(timeoutMs = Number(process.env.CRASH_START_TIMEOUT_MS ?? 120_000)): Promise<void> {
    if (this.child) throw new Error('server already running');
    this.starts++;
    this.log.write(`\n--- start #${this.starts} ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [join(this.root, 'dist', 'server', 'server', 'main.js')], {
      cwd: this.root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        PUBLIC_URL: this.url,
        LOG_LEVEL: 'warn',
        DEMO: 'false',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.log.write(`--- exit code=${code} signal=${signal}\n`);
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.child) throw new Error(`server exited during start:\n${this.tail()}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.status === 200) return;
      } catch {}
      if (Date.now() > deadline)
        throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${this.tail()}`);
      await sleep(25);
    }
  }

  /** SIGKILL: no shutdown hook runs, open transactions and sockets are cut where they are. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the server's own graceful shutdown. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}
