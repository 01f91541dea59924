package dev.opskit.cost.recommend;

import java.util.stream.Stream;

/**
 * What AWS recommends, every page, lazily. Obtain it from {@code Costs.using(ctx).recommendations()}.
 *
 * <p>Cost Explorer's recommendation calls are paid requests (USD 0.01 per page), charged to the run's budget before
 * each page is sent; in a dry run they send nothing and the streams are empty. Cost Optimization Hub's
 * {@code ListRecommendations} is free and read through the SDK's paginator.
 */
public interface Recommendations {

  /**
   * EC2 rightsizing ({@code get-rightsizing-recommendation}), every {@code NextPageToken} page.
   *
   * @param query the query ({@link RightsizingQuery#forService} takes the guide's {@code EC2-Instance})
   * @return the recommendations, lazily
   */
  Stream<RightsizingRecommendation> rightsizing(RightsizingQuery query);

  /**
   * Reserved Instance purchase recommendations ({@code get-reservation-purchase-recommendation}), every page.
   *
   * @param query the query
   * @return the recommendations, lazily
   */
  Stream<ReservationRecommendation> reservations(ReservationRecommendationQuery query);

  /**
   * Savings Plans purchase recommendations ({@code get-savings-plans-purchase-recommendation}), every page.
   *
   * @param query the query
   * @return the recommendations, lazily
   */
  Stream<SavingsPlansRecommendation> savingsPlans(SavingsPlansRecommendationQuery query);

  /**
   * Cost Optimization Hub's recommendations ({@code ListRecommendations}, every page), where the hub is enabled;
   * asked in us-east-1, the hub's one region, whatever the context's region.
   *
   * @param actionTypes the action types to list (such as {@code Rightsize}, {@code Stop}); none for all
   * @return the recommendations, lazily
   * @throws dev.opskit.core.ValidationException for an action type the hub does not know
   */
  Stream<HubRecommendation> hub(String... actionTypes);
}
