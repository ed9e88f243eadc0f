import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode, errorStatus } from '../../shared/errors.js';
import { translate } from '../../shared/i18n/translate.js';
import { fieldErrorsFromValidation } from './validation.js';

function fromFastifyError(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('VALIDATION_FAILED', {
      fields: fieldErrorsFromValidation(error.validation, error.validationContext),
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new AppError('RATE_LIMITED', { retryAfterSeconds: 60 });
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST');
  return new AppError('INTERNAL', { cause: error });
}

export function errorBody(request: FastifyRequest, appError: AppError): ErrorBody {
  const locale = request.locale;
  const message =
    appError.code === 'RATE_LIMITED'
      ? translate(locale, `errors.${appError.params?.messageKey ?? 'RATE_LIMITED'}`, {
          ...appError.params,
          seconds: appError.retryAfterSeconds ?? 60,
        })
      : translate(locale, `errors.${appError.params?.messageKey ?? appError.code}`, appError.params);
  return {
    error: {
      code: appError.code,
      message,
      ...(appError.fields
        ? {
            fields: appError.fields.map((f) => ({
              path: f.path,
              code: f.code,
              message: translate(locale, `validation.${f.code}`, f.params),
            })),
          }
        : {}),
      ...(appError.currentVersion !== undefined ? { currentVersion: appError.currentVersion } : {}),
      ...(appError.current !== undefined ? { current: appError.current } : {}),
      ...(appError.retryAfterSeconds !== undefined ? { retryAfterSeconds: appError.retryAfterSeconds } : {}),
      requestId: request.id,
    },
  };
}

export function sendAppError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  if (appError.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(appError.retryAfterSeconds));
  return reply.status(errorStatus[appError.code as ErrorCode]).send(errorBody(request, appError));
}

/**
 * The one place where errors become HTTP answers: codes map to statuses, validation issues to translated field
 * messages, and anything unknown to a 500 that carries only the request id (the details go to the log).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError.code === 'INTERNAL') {
      const cause = isResponseSerializationError(error) ? error.cause : error;
      request.log.error({ err: cause }, 'request failed');
    }
    return sendAppError(request, reply, appError);
  });
}
