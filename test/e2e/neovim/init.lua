-- Minimal Neovim configuration (Neovim >= 0.7, built-in LSP client) that runs the stagelint language server
-- for Dockerfiles, waits for its diagnostics and writes them as JSON. Used by run.mjs; the same start_client
-- call is what a user puts in their own init.lua (see the README).
--
-- Environment:
--   STAGELINT_LSP_CMD   JSON array, the server command (e.g. ["node", "/path/dist/server.js", "--stdio"])
--   STAGELINT_NVIM_OUT  file to write {"uri", "diagnostics", "attached"} to
--   STAGELINT_NVIM_TIMEOUT_MS  give up after this long (default 20000); exits with status 1
local cmd = vim.fn.json_decode(os.getenv('STAGELINT_LSP_CMD'))
local out_file = os.getenv('STAGELINT_NVIM_OUT')
local timeout_ms = tonumber(os.getenv('STAGELINT_NVIM_TIMEOUT_MS') or '20000')

local finished = false
local function finish(payload, status)
  -- Only the first outcome counts: quitting stops the server, whose on_exit must not overwrite the result.
  if finished then return end
  finished = true
  local file = assert(io.open(out_file, 'w'))
  file:write(vim.fn.json_encode(payload))
  file:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit! ' .. status)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dockerfile',
  callback = function(args)
    local bufnr = args.buf
    local uri = vim.uri_from_bufnr(bufnr)
    local client_id = vim.lsp.start_client({
      name = 'stagelint',
      cmd = cmd,
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
      settings = {},
      handlers = {
        ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
          vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
          if result and result.uri == uri and #result.diagnostics > 0 then
            -- Also report what the editor itself now holds for the buffer (proves the client took them in).
            finish({ uri = uri, diagnostics = result.diagnostics, editorCount = #vim.diagnostic.get(bufnr) }, 0)
          end
        end,
      },
      on_exit = function(code)
        vim.schedule(function() finish({ uri = uri, error = 'language server exited with code ' .. tostring(code) }, 2) end)
      end,
    })
    if not client_id then
      finish({ uri = uri, error = 'could not start ' .. table.concat(cmd, ' ') }, 2)
      return
    end
    vim.lsp.buf_attach_client(bufnr, client_id)
    vim.defer_fn(function()
      finish({ uri = uri, error = 'no diagnostics within ' .. timeout_ms .. ' ms', diagnostics = vim.NIL }, 1)
    end, timeout_ms)
  end,
})
