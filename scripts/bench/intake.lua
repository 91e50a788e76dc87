-- wrk script for scripts/bench-intake.sh: signed GitHub `issues` deliveries, each with a unique X-GitHub-Delivery.
-- The bodies and their signatures come from the file named by BENCH_BODIES (IntakeBench prepare); BENCH_PATH is the
-- request path (webhook-service's /github/issues by default; Probot's /api/github/webhooks for the peer run).
dofile(os.getenv("BENCH_BODIES"))

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local heads, tails = {}, {}
function init(args)
  -- Everything but the delivery id is fixed per body, so a request is one concatenation.
  local path = os.getenv("BENCH_PATH") or "/github/issues"
  for i, b in ipairs(bodies) do
    heads[i] = "POST " .. path .. " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
      .. "X-GitHub-Event: issues\r\nX-GitHub-Hook-ID: 4242\r\nX-GitHub-Delivery: "
    tails[i] = "\r\nX-Hub-Signature-256: " .. b.sig .. "\r\nContent-Length: " .. #b.body .. "\r\n\r\n" .. b.body
  end
  run = os.getenv("BENCH_RUN") or tostring(os.time())
  counter = 0
end

function request()
  counter = counter + 1
  local i = counter % #bodies + 1
  return heads[i] .. run .. "-" .. tid .. "-" .. counter .. tails[i]
end
