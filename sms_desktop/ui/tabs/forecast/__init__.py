"""销售预测: the Forecast tab."""
