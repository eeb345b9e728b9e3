// Devices, accessories and SIMs customers order from Contoso, with their prices in EUR.
// Generated orders draw from this list; the device-return scenario uses one of its phones.
import type { Order } from '../domain/orders/order.js';

export interface OrderItem {
  itemName: string;
  itemType: Order['itemType'];
  amount: number;
}

export const ORDER_ITEMS: readonly OrderItem[] = [
  { itemName: 'Contoso Nova 5G smartphone', itemType: 'device', amount: 649 },
  { itemName: 'Contoso Lite smartphone', itemType: 'device', amount: 249 },
  { itemName: 'Contoso Tab 11 tablet', itemType: 'device', amount: 399 },
  { itemName: 'Mesh Wi-Fi extender', itemType: 'device', amount: 89 },
  { itemName: 'Wireless earbuds', itemType: 'accessory', amount: 129 },
  { itemName: 'Fast charger 30 W', itemType: 'accessory', amount: 24.99 },
  { itemName: 'Protective phone case', itemType: 'accessory', amount: 29.99 },
  { itemName: 'Replacement SIM card', itemType: 'sim', amount: 5 },
];
