-- Neovim as the client of `dumpling server` (run headless by neovim.test.ts): open the fixture,
-- wait for the diagnostics, apply the quick fix titled $DUMPLING_FIX the way Neovim applies a
-- code action's edit, wait for the diagnostics of the new text, and write what the editor has
-- (buffer text, diagnostics, position encoding) as JSON to $DUMPLING_RESULT. Works on Neovim 0.7
-- (Debian 12) and later: vim.lsp.start_client and buf_attach_client.
local result_path = os.getenv("DUMPLING_RESULT")
local fix_title = os.getenv("DUMPLING_FIX")

local function finish(result)
  local f = assert(io.open(result_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(result.error and "cquit 1" or "qall!")
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("DUMPLING_FIXTURE")))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "dumpling",
    cmd = { os.getenv("DUMPLING_NODE"), os.getenv("DUMPLING_BIN"), "server" },
    root_dir = vim.fn.fnamemodify(os.getenv("DUMPLING_FIXTURE"), ":h"),
  })
  assert(client_id, "the server did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)

  assert(vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), "no diagnostics after opening the file")
  local before = diagnostics(bufnr)
  local client = vim.lsp.get_client_by_id(client_id)

  -- The code actions under the cursor, put on the first diagnostic, as `vim.lsp.buf.code_action()` asks for them.
  local first = before[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 30000)
  local titles, chosen = {}, nil
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == fix_title then chosen = action end
    end
  end
  assert(chosen, "no code action titled " .. fix_title .. " among: " .. table.concat(titles, " | "))
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)

  -- Neovim sends the change; the server publishes the new version's diagnostics.
  local settled = vim.wait(30000, function()
    local now = diagnostics(bufnr)
    for _, d in ipairs(now) do
      if d.code == first.code and d.lnum == first.lnum then return false end
    end
    return true
  end, 20)
  assert(settled, "the fixed diagnostic is still there")

  finish({
    offset_encoding = client.offset_encoding,
    titles = titles,
    before = before,
    after = diagnostics(bufnr),
    text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n",
  })
end)
if not ok then finish({ error = tostring(err) }) end
