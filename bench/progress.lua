-- wrk script: posts a progress update to a random task among those listed in tasks.txt (one id per line).
local ids = {}
for line in io.lines(os.getenv("BENCH_TASKS") or "tasks.txt") do
  ids[#ids + 1] = line
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

-- Each thread draws its own sequence (wrk's threads would otherwise post the same tasks in lockstep).
setup = function(thread)
  thread:set("seed", math.random(1, 1000000))
end

init = function(args)
  math.randomseed(seed or 42)
end

request = function()
  local id = ids[math.random(#ids)]
  local body = string.format('{"progress": %d, "note": "bench"}', math.random(1, 99))
  return wrk.format(nil, "/api/v1/tasks/" .. id .. "/updates", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
