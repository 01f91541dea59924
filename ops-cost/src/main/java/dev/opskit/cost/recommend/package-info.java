/**
 * What Cost Explorer and Cost Optimization Hub recommend: cost and usage {@link dev.opskit.cost.recommend.Forecast
 * forecasts} with prediction intervals (windows checked by {@link dev.opskit.cost.recommend.ForecastWindows}),
 * rightsizing, Reserved Instance and Savings Plans purchase recommendations (every {@code NextPageToken} page,
 * each a paid request), and Cost Optimization Hub's {@code ListRecommendations}.
 */
@NullMarked
package dev.opskit.cost.recommend;

import org.jspecify.annotations.NullMarked;
