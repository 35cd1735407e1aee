import asyncio


async def audit(event):
    await asyncio.sleep(0.05)  # writing to the log server
    print("audit:", event)


async def handle_order(order_id):
    print("checking stock for", order_id)
    await audit(f"stock checked for {order_id}")
    print("charging card for", order_id)
    audit(f"card charged for {order_id}")
    print("shipping", order_id)
    audit(f"shipped {order_id}")
    print("emailing receipt for", order_id)
    await audit(f"receipt sent for {order_id}")


asyncio.run(handle_order("A-17"))
