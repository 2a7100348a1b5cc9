-- Neovim as a second real LSP client of the Lanzarote language server (node dist/server.js --stdio).
-- Works on Debian bookworm's Neovim 0.7.2 and newer: vim.lsp.start() only exists from 0.8, so the
-- client is started with start_client + buf_attach_client.
--
-- Usage (see run.mjs beside this file):
--   LSP_SERVER=dist/server.js nvim --headless --clean -n -c 'luafile lsp-e2e.lua' draft.txt
-- Run it with -c, not -u: with -u the file's buffer is not loaded yet and attaching fails.
--
-- Prints one line per check, "ok <name>: <detail>" or "not ok <name>: <why>", then "done";
-- exits 0 when every check passed, 1 otherwise.
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER is not set')
local TERM = 'child pornography'
local REPLACEMENT = 'child sexual abuse material'

local failures = 0
local function out(fmt, ...) io.stdout:write(string.format(fmt, ...) .. '\n') end
local function ok(name, detail) out('ok %s: %s', name, detail or '') end
local function not_ok(name, why) failures = failures + 1; out('not ok %s: %s', name, why) end
local function finish()
  out('done')
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end
-- Stop at the first failed check: the later ones build on it.
local function abort(name, why) not_ok(name, why); finish() end

local bufnr = vim.api.nvim_get_current_buf()
local path = vim.api.nvim_buf_get_name(bufnr)

local client_id = vim.lsp.start_client({
  name = 'lanzarote',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(path, ':h'),
})
if not client_id then return abort('start', 'vim.lsp.start_client returned nil') end
vim.lsp.buf_attach_client(bufnr, client_id)

-- 1) Diagnostics arrive (pushed: Neovim 0.7 has no pull diagnostics) and carry the recommendation.
local function lanzarote_diags()
  return vim.tbl_filter(function(d) return d.source == 'Lanzarote' end, vim.diagnostic.get(bufnr))
end
if not vim.wait(15000, function() return #lanzarote_diags() > 0 end, 50) then
  return abort('diagnostics', 'no Lanzarote diagnostics within 15 s')
end
local diags = lanzarote_diags()
-- The first term finding on the deprecated term that is the draft's own wording (not quoted text).
local first
for _, d in ipairs(diags) do
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
  if not first and d.lnum == d.end_lnum and line:sub(d.col + 1, d.end_col):lower() == TERM
      and d.message:find('II%-1') and not d.message:find('quoted') then
    first = d
  end
end
if not first then return abort('diagnostics', string.format('%d diagnostics, none on the draft\'s own "%s"', #diags, TERM)) end
ok('diagnostics', string.format('%d from Lanzarote; line %d: %s', #diags, first.lnum + 1, first.message))

-- vim.diagnostic columns are byte offsets; LSP positions count UTF-16 code units, and the
-- sample's lines hold curly quotes (3 bytes, 1 unit). Convert before sending positions back.
local client = vim.lsp.get_client_by_id(client_id)
local enc = client.offset_encoding or 'utf-16'
local function lsp_pos(lnum, byte_col)
  local text = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  local utf32, utf16 = vim.str_utfindex(text, math.min(byte_col, #text))
  return { line = lnum, character = enc == 'utf-32' and utf32 or (enc == 'utf-8' and byte_col or utf16) }
end
local range = { start = lsp_pos(first.lnum, first.col), ['end'] = lsp_pos(first.end_lnum, first.end_col) }

-- 2) Hover over the term quotes Recommendation II-1 and its urgency.
local params = vim.lsp.util.make_text_document_params(bufnr)
local hres = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
  { textDocument = params, position = lsp_pos(first.lnum, first.col + 2) }, 5000)
local hover
for _, r in pairs(hres or {}) do if r.result then hover = r.result end end
local htext = hover and (type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents)) or tostring(hover.contents)) or ''
if not (htext:find('Recommendation II%-1', 1) and htext:find('Invite', 1, true)) then
  return abort('hover', 'no hover naming Recommendation II-1 and "Invite": ' .. htext:sub(1, 300))
end
ok('hover', (htext:gsub('%s+', ' ')):sub(1, 120))

-- 3) The preferred quick fix. On 0.7 vim.diagnostic keeps only code/tags/data of the LSP
--    diagnostic in user_data.lsp, so the diagnostic sent back is rebuilt from its fields.
local lsp = (first.user_data and first.user_data.lsp) or {}
local lspdiag = {
  range = range,
  message = first.message, severity = first.severity, source = first.source,
  code = first.code or lsp.code, data = lsp.data,
}
local cres = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = params, range = lspdiag.range,
  context = { diagnostics = { lspdiag }, only = { 'quickfix' } },
}, 5000)
local action, titles = nil, {}
for _, r in pairs(cres or {}) do
  for _, a in ipairs(r.result or {}) do
    table.insert(titles, a.title)
    if a.isPreferred and a.edit and not action then action = a end
  end
end
if not action then return abort('code action', 'no preferred quick fix with an edit among: ' .. table.concat(titles, ' | ')) end
ok('code action', action.title .. string.format(' (%d actions)', #titles))

-- 4) Apply it, write the file, and check the text on disk (that term rewritten, nothing else
--    changed) and that the finding went.
local original = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local expected = vim.deepcopy(original)
local target = original[first.lnum + 1]
expected[first.lnum + 1] = target:sub(1, first.col) .. REPLACEMENT .. target:sub(first.end_col + 1)
vim.lsp.util.apply_workspace_edit(action.edit, enc)
vim.cmd('silent write')
local written = vim.fn.readfile(path)
if not vim.deep_equal(written, expected) then
  local diff = {}
  for i = 1, math.max(#written, #expected) do
    if written[i] ~= expected[i] then table.insert(diff, string.format('line %d: %q, expected %q', i, written[i] or '', expected[i] or '')) end
  end
  return abort('write', table.concat(diff, '; '):sub(1, 600))
end
ok('write', 'line ' .. (first.lnum + 1) .. ' on disk: ' .. vim.trim(written[first.lnum + 1]))
local before = #diags
if not vim.wait(10000, function() return #lanzarote_diags() < before end, 50) then
  not_ok('diagnostics after fix', string.format('still %d diagnostics (was %d)', #lanzarote_diags(), before))
else
  ok('diagnostics after fix', string.format('%d (was %d)', #lanzarote_diags(), before))
end
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
finish()
