'use server'
import type { ActionState } from '@/lib/action'
import { archiveProduct, createProduct, updateProduct } from '@/lib/crm/products'
import { ProductIdInput, ProductInput, UpdateProductInput } from '@/lib/crm/settings.schema'
import { settingsAction } from '@/lib/settings-action'

const create = settingsAction(ProductInput, 'crm:configure', 'products', createProduct, (i) => `“${i.name}” added.`)
const update = settingsAction(UpdateProductInput, 'crm:configure', 'products', updateProduct, (i) => `“${i.name}” saved.`)
const archive = settingsAction(ProductIdInput, 'crm:configure', 'products', archiveProduct, () => 'Product archived; deals that sold it keep it.')

export async function createProductAction(_: ActionState, form: FormData) { return create(form) }
export async function updateProductAction(_: ActionState, form: FormData) { return update(form) }
export async function archiveProductAction(_: ActionState, form: FormData) { return archive(form) }
