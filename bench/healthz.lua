-- wrk script: GET /healthz on keep-alive connections; reports latency percentiles.
wrk.method = "GET"
wrk.path = "/healthz"
done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d latency: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
