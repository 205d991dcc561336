"""The customer's first page: welcome, next appointments, how to reach the business."""
