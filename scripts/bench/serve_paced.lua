-- wrk at a steady rate (Debian's wrk has no -R): each thread hands out send times RATE/THREADS a
-- second apart (environment: RATE, default 200; THREADS, default 2, as wrk -t), and a connection
-- waits for its slot before sending. The slots follow the clock, not the answers: when the server
-- falls behind, the connections send as soon as they are free until the schedule is met again, so
-- a slow server shows as a rate under RATE and as longer latencies.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } muavu_timespec;
int clock_gettime(int clock_id, muavu_timespec *tp);
]]
local clock = ffi.new("muavu_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "200")
local threads = tonumber(os.getenv("THREADS") or "2")
local interval = 1000 * threads / rate
local next_slot = nil

function delay()
  local now = now_ms()
  next_slot = next_slot or now
  local slot = next_slot
  next_slot = next_slot + interval
  return math.max(0, math.floor(slot - now))
end
