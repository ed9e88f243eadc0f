import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';

/**
 * Per-person rate limits for expensive requests (exports, PDF generation): an in-memory token bucket per signed-in
 * person. A bucket holds `capacity` tokens and refills `perMinute` tokens a minute; each request takes one. An empty
 * bucket answers 429 with Retry-After and a message in the person's language.
 *
 * Attach to a route with one line in its options (every route with the same limit name shares one bucket per
 * person, so switching between export routes does not get around it):
 *
 *   app.get('/api/exports/plans.csv', { preHandler: exportRateLimit(ctx), schema: { ... } }, handler)
 *
 * The limit runs after validation (a malformed request costs nothing) and before the handler. The buckets live in
 * the process: behind several server processes each counts on its own, which keeps the limit a brake, not a quota.
 */
export interface RateLimitRule {
  /** Requests allowed at once. */
  capacity: number;
  /** Tokens added per minute. */
  perMinute: number;
  /** Message key in `errors.*` (gets `{{seconds}}`). */
  messageKey: string;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The buckets of one rule; pure apart from the clock passed in. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly rule: Pick<RateLimitRule, 'capacity' | 'perMinute'>) {}

  private level(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.rule.capacity;
    const refilled = ((now - bucket.at) / 60_000) * this.rule.perMinute;
    return Math.min(this.rule.capacity, bucket.tokens + Math.max(0, refilled));
  }

  /** Takes a token: 0 when allowed, otherwise the whole seconds to wait for the next one. */
  take(key: string, now: number): number {
    const tokens = this.level(this.buckets.get(key), now);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > 10_000) this.sweep(now);
      return 0;
    }
    const waitMs = Math.round(((1 - tokens) * 60_000) / this.rule.perMinute);
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  /** Forgets full buckets (nobody waiting), so the map does not grow with every person who ever exported. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (this.level(bucket, now) >= this.rule.capacity) this.buckets.delete(key);
  }
}

const limiters = new WeakMap<AppContext, Map<string, TokenBuckets>>();

function bucketsOf(ctx: AppContext, name: string, rule: RateLimitRule): TokenBuckets {
  let byName = limiters.get(ctx);
  if (!byName) {
    byName = new Map();
    limiters.set(ctx, byName);
  }
  let buckets = byName.get(name);
  if (!buckets) {
    buckets = new TokenBuckets(rule);
    byName.set(name, buckets);
  }
  return buckets;
}

/** A preHandler that limits the signed-in person by the named rule; requests without a session pass (401 later). */
export function perPersonRateLimit(
  ctx: AppContext,
  name: string,
  rule: RateLimitRule,
): preHandlerAsyncHookHandler {
  const buckets = bucketsOf(ctx, name, rule);
  return async (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor) return;
    const wait = buckets.take(`${actor.organisationId}:${actor.personId}`, ctx.clock.now().getTime());
    if (wait > 0)
      throw new AppError('RATE_LIMITED', {
        retryAfterSeconds: wait,
        params: { messageKey: rule.messageKey },
      });
  };
}

/** The shared limit of every export and PDF route (EXPORTS_PER_MINUTE, default 30 a minute per person). */
export function exportRateLimit(ctx: AppContext): preHandlerAsyncHookHandler {
  const perMinute = ctx.config.limits.exportsPerMinute;
  return perPersonRateLimit(ctx, 'exports', {
    capacity: perMinute,
    perMinute,
    messageKey: 'EXPORT_RATE_LIMITED',
  });
}
