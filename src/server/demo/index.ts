import type { AppContext } from '../context.js';

export interface DemoLogin {
  organisation: string;
  role: string;
  email: string;
  password: string;
}

export async function seedDemoIfEmpty(_ctx: AppContext): Promise<DemoLogin[] | null> {
  throw new Error('demo seed pending');
}
