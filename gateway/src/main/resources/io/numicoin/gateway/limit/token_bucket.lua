-- One token bucket in a Redis hash: KEYS[1]; ARGV = rate (tokens/s), capacity, and how many tokens
-- to take at most (1 if absent: one request; more for a replica's lease).
-- Time is the Redis server's, so every gateway replica sees the same clock.
-- Returns {tokens granted (0 if the bucket holds less than one), whole tokens left, ms until a token, ms until full}.
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local want = tonumber(ARGV[3]) or 1
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
local elapsed = math.max(0, now - ts) / 1000000
tokens = math.min(capacity, tokens + elapsed * rate)
local granted = math.max(0, math.min(want, math.floor(tokens)))
tokens = tokens - granted
local full_ms = math.ceil((capacity - tokens) / rate * 1000)
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(math.max(now, ts)))
redis.call('PEXPIRE', KEYS[1], full_ms + 1000)
local retry_ms = 0
if granted == 0 then
  retry_ms = math.ceil((1 - tokens) / rate * 1000)
end
return {granted, math.floor(tokens), retry_ms, full_ms}
