-- wrk script: reports non-2xx answers so a benchmark of error pages cannot pass unnoticed.
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
