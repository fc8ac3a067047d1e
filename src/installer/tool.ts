// Which CLI the action installs and runs. A module of its own so inputs and reports can name it without loading
// the installer.
export const TOOLS = ['terraform', 'tofu'] as const
export type Tool = (typeof TOOLS)[number]

/** How titles, comments and messages name the tool. */
export const TOOL_PRODUCT: Record<Tool, string> = { terraform: 'Terraform', tofu: 'OpenTofu' }
