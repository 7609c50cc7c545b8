/*
 * Loaded before the backend with `node --require` (the start script and the Dockerfile):
 * sets the global OpenTelemetry meter provider before any plugin asks for a meter, with the
 * Prometheus exporter as its reader, and serves the exporter's GET /metrics on a port of its
 * own: OTEL_EXPORTER_PROMETHEUS_HOST (default localhost; the image sets 0.0.0.0) and
 * OTEL_EXPORTER_PROMETHEUS_PORT (default 9464), see docs/observability.md.
 * VALUE_STREAM_PROMETHEUS=off leaves the exporter out.
 */
const http = require('node:http');
const { isMainThread } = require('node:worker_threads');
const { metrics } = require('@opentelemetry/api');
const { MeterProvider } = require('@opentelemetry/sdk-metrics');
const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');

// Worker threads inherit `--require`: only the main thread, where the plugins run, serves.
if (isMainThread && process.env.VALUE_STREAM_PROMETHEUS !== 'off') {
  const host = process.env.OTEL_EXPORTER_PROMETHEUS_HOST || 'localhost';
  const port = Number(process.env.OTEL_EXPORTER_PROMETHEUS_PORT || 9464);
  const exporter = new PrometheusExporter({ preventServerStart: true });
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter] }));
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics' || req.url?.startsWith('/metrics?')) {
      exporter.getMetricsRequestHandler(req, res);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  // The dev server restarts the backend on a change: the previous process may still hold the
  // port for a moment, so a busy port is retried for a minute before giving up (with a warning;
  // the backend runs on without the endpoint).
  let tries = 0;
  server.on('error', error => {
    if (error.code === 'EADDRINUSE' && ++tries < 60) {
      setTimeout(() => server.listen(port, host), 1000).unref();
    } else {
      console.warn(`instrumentation: no Prometheus endpoint: ${error}`);
    }
  });
  server.listen(port, host);
  server.unref();
}
