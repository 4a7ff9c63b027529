-- wrk script: cycles through bench/queries.txt (language TAB query), one search per request.
local queries = {}

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  for line in io.lines(args[1]) do
    local lang, query = line:match("^([^\t]+)\t(.+)$")
    if lang then
      queries[#queries + 1] = "/api/search?lang=" .. encode(lang) .. "&q=" .. encode(query)
    end
  end
  counter = math.random(#queries)
end

request = function()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end
