// Marks a span as failed or refused: `error.type`, the OpenTelemetry convention (keep-errors
// sampling reads it), and the same value as `contoso.error.type`, because the Azure Monitor
// exporter leaves `error.type` out of a span's customDimensions (metrics keep it).
import type { Span } from '@opentelemetry/api';
import { ATTR } from './telemetry-names.js';

export function setErrorType(span: Span, type: string): void {
  span.setAttribute(ATTR.ERROR_TYPE, type);
  span.setAttribute(ATTR.ERROR_CLASS, type);
}
