-- Run by test/neovim.test.ts in a headless Neovim 0.7 (Debian 12's): starts `stratlint lsp` with
-- the built-in client, as docs/editors.md tells Neovim 0.7 users to, opens a document, waits
-- for its diagnostics and writes them, one a line, tab-separated, to $STRATLINT_OUT.
local client_id = vim.lsp.start_client({
  name = 'stratlint',
  cmd = { vim.env.STRATLINT_NODE, vim.env.STRATLINT_BIN, 'lsp', '--stdio' },
  root_dir = vim.fn.getcwd(),
})
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.STRATLINT_DOC))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(90000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, table.concat({ code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.source or '' }, '\t'))
end
vim.fn.writefile(lines, vim.env.STRATLINT_OUT)
vim.cmd('qa!')
