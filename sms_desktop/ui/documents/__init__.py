"""What quotes and orders share on screen: the lines editor with product look-up, price rules and live totals."""
