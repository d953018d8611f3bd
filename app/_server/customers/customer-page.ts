import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { assertMayViewCustomer } from "./customer-access";
import { readInteractions, type Interaction } from "./customer-interactions";
import type { CustomerView } from "./customer-view";
import { readCustomer } from "./manage-customers";

const TIMELINE = 50;

export interface CustomerPage {
  customer: CustomerView;
  interactions: Interaction[];
}

/** A customer with their last calls; agents only for customers of their own calls (404 otherwise). */
export async function readCustomerPage(session: Session, customerId: string, db: PrismaClient = prisma()): Promise<CustomerPage> {
  await assertMayViewCustomer(session, customerId, db);
  const customer = await readCustomer(customerId, db);
  return { customer, interactions: await readInteractions(customer.id, customer.phones, TIMELINE, db) };
}
