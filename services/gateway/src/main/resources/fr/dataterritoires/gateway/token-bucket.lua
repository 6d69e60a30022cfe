-- One client's token bucket on one route, atomically (the same rule as the platform's ratelimit.TokenBucket).
-- KEYS[1]: the bucket's hash; ARGV[1]: tokens regained per second; ARGV[2]: capacity.
-- Time is Redis's own clock, so that every gateway replica counts on the same one.
-- Returns {allowed (0/1), whole tokens left, milliseconds until the next token when refused}.
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local wait_ms = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait_ms = math.ceil((1 - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
-- a bucket untouched long enough to be full again is the same as no bucket
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return {allowed, math.floor(tokens), wait_ms}
