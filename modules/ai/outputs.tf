output "resource_id" {
  description = "Resource id of the Foundry (AIServices) account: the scope for Azure AI User / Cognitive Services OpenAI User."
  value       = azurerm_cognitive_account.this.id
}

output "name" {
  description = "Name of the Foundry account."
  value       = azurerm_cognitive_account.this.name
}

output "endpoint" {
  description = "Endpoint of the account (https://<custom_subdomain_name>.cognitiveservices.azure.com/)."
  value       = azurerm_cognitive_account.this.endpoint
}

output "openai_endpoint" {
  description = "Azure OpenAI endpoint of the account (https://<custom_subdomain_name>.openai.azure.com/), null without a custom subdomain."
  value       = var.custom_subdomain_name != null ? "https://${var.custom_subdomain_name}.openai.azure.com/" : null
}

output "principal_id" {
  description = "Principal id of the account's system-assigned identity (null without one)."
  value       = try(azurerm_cognitive_account.this.identity[0].principal_id, null)
}

output "project_id" {
  description = "Resource id of the Foundry project (null without one)."
  value       = try(azurerm_cognitive_account_project.this[0].id, null)
}

output "project_endpoints" {
  description = "Endpoints of the Foundry project, by name (empty without a project)."
  value       = try(azurerm_cognitive_account_project.this[0].endpoints, {})
}

output "deployment_names" {
  description = "Map of model_deployments key => deployment name (what the app puts in its deployment app setting)."
  value       = { for k, d in azurerm_cognitive_deployment.this : k => d.name }
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value = {
    for k, pe in module.private_endpoint : k => {
      resource_id        = pe.resource_id
      private_ip_address = pe.private_ip_address
    }
  }
}
