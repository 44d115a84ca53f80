-- wrk reporter: throughput and latency percentiles in a form bench/run.sh can compare.
done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("errors: %d\n", summary.errors.status + summary.errors.timeout + summary.errors.connect))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d latency: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
