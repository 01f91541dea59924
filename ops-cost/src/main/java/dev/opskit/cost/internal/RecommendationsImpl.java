package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.recommend.HubRecommendation;
import dev.opskit.cost.recommend.Recommendations;
import dev.opskit.cost.recommend.ReservationRecommendation;
import dev.opskit.cost.recommend.ReservationRecommendationQuery;
import dev.opskit.cost.recommend.RightsizingQuery;
import dev.opskit.cost.recommend.RightsizingRecommendation;
import dev.opskit.cost.recommend.SavingsPlansRecommendation;
import dev.opskit.cost.recommend.SavingsPlansRecommendationQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.model.CurrentInstance;
import software.amazon.awssdk.services.costexplorer.model.EC2InstanceDetails;
import software.amazon.awssdk.services.costexplorer.model.GetReservationPurchaseRecommendationRequest;
import software.amazon.awssdk.services.costexplorer.model.GetReservationPurchaseRecommendationResponse;
import software.amazon.awssdk.services.costexplorer.model.GetRightsizingRecommendationRequest;
import software.amazon.awssdk.services.costexplorer.model.GetRightsizingRecommendationResponse;
import software.amazon.awssdk.services.costexplorer.model.GetSavingsPlansPurchaseRecommendationRequest;
import software.amazon.awssdk.services.costexplorer.model.GetSavingsPlansPurchaseRecommendationResponse;
import software.amazon.awssdk.services.costexplorer.model.RecommendationTarget;
import software.amazon.awssdk.services.costexplorer.model.ReservationPurchaseRecommendation;
import software.amazon.awssdk.services.costexplorer.model.ReservationPurchaseRecommendationDetail;
import software.amazon.awssdk.services.costexplorer.model.ResourceDetails;
import software.amazon.awssdk.services.costexplorer.model.RightsizingRecommendationConfiguration;
import software.amazon.awssdk.services.costexplorer.model.SavingsPlansPurchaseRecommendationDetail;
import software.amazon.awssdk.services.costexplorer.model.TargetInstance;
import software.amazon.awssdk.services.costoptimizationhub.CostOptimizationHubClient;
import software.amazon.awssdk.services.costoptimizationhub.model.ActionType;
import software.amazon.awssdk.services.costoptimizationhub.model.Filter;
import software.amazon.awssdk.services.costoptimizationhub.model.ListRecommendationsRequest;
import software.amazon.awssdk.services.costoptimizationhub.model.Recommendation;

/** {@link Recommendations}: Cost Explorer's by their own page tokens, each page charged; the hub by its paginator. */
final class RecommendationsImpl implements Recommendations {
  private static final String RIGHTSIZING = "ce:GetRightsizingRecommendation";
  private static final String RESERVATIONS = "ce:GetReservationPurchaseRecommendation";
  private static final String SAVINGS_PLANS = "ce:GetSavingsPlansPurchaseRecommendation";
  private static final String HUB = "cost-optimization-hub:ListRecommendations";

  private final OpsContext ctx;
  private final CeAccess access;
  private @Nullable OpsContext hubContext;

  RecommendationsImpl(OpsContext ctx, CeAccess access) {
    this.ctx = ctx;
    this.access = access;
  }

  @Override
  public Stream<RightsizingRecommendation> rightsizing(RightsizingQuery query) {
    Checks.present("query", query, "a RightsizingQuery");
    GetRightsizingRecommendationRequest first = GetRightsizingRecommendationRequest.builder()
        .service(query.service())
        .configuration(RightsizingRecommendationConfiguration.builder()
            .recommendationTarget(query.crossInstanceFamily() ? RecommendationTarget.CROSS_INSTANCE_FAMILY
                : RecommendationTarget.SAME_INSTANCE_FAMILY)
            .benefitsConsidered(query.benefitsConsidered()).build())
        .pageSize(query.pageSize())
        .build();
    return paid(RIGHTSIZING, token -> {
      GetRightsizingRecommendationResponse r = access.costExplorer().getRightsizingRecommendation(
          token == null ? first : first.toBuilder().nextPageToken(token).build());
      return Page.of(r.rightsizingRecommendations().stream().map(RecommendationsImpl::rightsizing).toList(),
          r.nextPageToken());
    });
  }

  private static RightsizingRecommendation rightsizing(
      software.amazon.awssdk.services.costexplorer.model.RightsizingRecommendation r) {
    CurrentInstance current = r.currentInstance();
    String currency = current == null || current.currencyCode() == null ? "USD" : current.currencyCode();
    String target = null;
    BigDecimal savings = BigDecimal.ZERO;
    if (r.modifyRecommendationDetail() != null) {
      List<TargetInstance> targets = r.modifyRecommendationDetail().targetInstances();
      TargetInstance chosen = targets.stream().filter(t -> Boolean.TRUE.equals(t.defaultTargetInstance())).findFirst()
          .orElse(targets.isEmpty() ? null : targets.get(0));
      if (chosen != null) {
        target = instanceType(chosen.resourceDetails());
        savings = decimal(chosen.estimatedMonthlySavings());
      }
    } else if (r.terminateRecommendationDetail() != null) {
      savings = decimal(r.terminateRecommendationDetail().estimatedMonthlySavings());
    }
    return new RightsizingRecommendation(text(r.accountId()), current == null ? "" : text(current.resourceId()),
        current == null ? "" : text(instanceType(current.resourceDetails())), text(r.rightsizingTypeAsString()), target,
        new Amount(current == null ? BigDecimal.ZERO : decimal(current.monthlyCost()), currency),
        new Amount(savings, currency));
  }

  private static @Nullable String instanceType(@Nullable ResourceDetails details) {
    return details == null || details.ec2ResourceDetails() == null ? null : details.ec2ResourceDetails().instanceType();
  }

  @Override
  public Stream<ReservationRecommendation> reservations(ReservationRecommendationQuery query) {
    Checks.present("query", query, "a ReservationRecommendationQuery");
    GetReservationPurchaseRecommendationRequest first = GetReservationPurchaseRecommendationRequest.builder()
        .service(query.service())
        .accountScope(query.accountScope())
        .lookbackPeriodInDays(query.lookback())
        .termInYears(query.term())
        .paymentOption(query.paymentOption())
        .pageSize(query.pageSize())
        .build();
    return paid(RESERVATIONS, token -> {
      GetReservationPurchaseRecommendationResponse r = access.costExplorer().getReservationPurchaseRecommendation(
          token == null ? first : first.toBuilder().nextPageToken(token).build());
      List<ReservationRecommendation> items = new ArrayList<>();
      for (ReservationPurchaseRecommendation recommendation : r.recommendations()) {
        for (ReservationPurchaseRecommendationDetail d : recommendation.recommendationDetails()) {
          items.add(reservation(d));
        }
      }
      return Page.of(items, r.nextPageToken());
    });
  }

  private static ReservationRecommendation reservation(ReservationPurchaseRecommendationDetail d) {
    String currency = d.currencyCode() == null ? "USD" : d.currencyCode();
    EC2InstanceDetails ec2 = d.instanceDetails() == null ? null : d.instanceDetails().ec2InstanceDetails();
    return new ReservationRecommendation(text(d.accountId()), ec2 == null ? "" : text(ec2.instanceType()),
        ec2 == null ? "" : text(ec2.region()), decimal(d.recommendedNumberOfInstancesToPurchase()),
        new Amount(decimal(d.estimatedMonthlySavingsAmount()), currency), new Amount(decimal(d.upfrontCost()), currency),
        new Amount(decimal(d.recurringStandardMonthlyCost()), currency), optional(d.estimatedBreakEvenInMonths()));
  }

  @Override
  public Stream<SavingsPlansRecommendation> savingsPlans(SavingsPlansRecommendationQuery query) {
    Checks.present("query", query, "a SavingsPlansRecommendationQuery");
    GetSavingsPlansPurchaseRecommendationRequest first = GetSavingsPlansPurchaseRecommendationRequest.builder()
        .savingsPlansType(query.type())
        .termInYears(query.term())
        .paymentOption(query.paymentOption())
        .accountScope(query.accountScope())
        .lookbackPeriodInDays(query.lookback())
        .pageSize(query.pageSize())
        .build();
    return paid(SAVINGS_PLANS, token -> {
      GetSavingsPlansPurchaseRecommendationResponse r = access.costExplorer().getSavingsPlansPurchaseRecommendation(
          token == null ? first : first.toBuilder().nextPageToken(token).build());
      List<SavingsPlansRecommendation> items = r.savingsPlansPurchaseRecommendation() == null ? List.of()
          : r.savingsPlansPurchaseRecommendation().savingsPlansPurchaseRecommendationDetails().stream()
              .map(RecommendationsImpl::savingsPlan).toList();
      return Page.of(items, r.nextPageToken());
    });
  }

  private static SavingsPlansRecommendation savingsPlan(SavingsPlansPurchaseRecommendationDetail d) {
    String currency = d.currencyCode() == null ? "USD" : d.currencyCode();
    return new SavingsPlansRecommendation(text(d.accountId()),
        d.savingsPlansDetails() == null ? "" : text(d.savingsPlansDetails().region()),
        d.savingsPlansDetails() == null ? "" : text(d.savingsPlansDetails().instanceFamily()),
        d.savingsPlansDetails() == null ? "" : text(d.savingsPlansDetails().offeringId()),
        new Amount(decimal(d.hourlyCommitmentToPurchase()), currency), new Amount(decimal(d.upfrontCost()), currency),
        new Amount(decimal(d.estimatedMonthlySavingsAmount()), currency), optional(d.estimatedSavingsPercentage()));
  }

  @Override
  public Stream<HubRecommendation> hub(String... actionTypes) {
    List<String> types = Checks.elements("actionTypes", "Cost Optimization Hub action types", actionTypes);
    List<ActionType> known = new ArrayList<>();
    for (String type : types) {
      ActionType action = ActionType.fromValue(type);
      if (action == ActionType.UNKNOWN_TO_SDK_VERSION) {
        throw ValidationException.of("actionTypes", type, ActionType.knownValues().stream().map(ActionType::toString)
            .sorted().collect(Collectors.joining(", ")));
      }
      known.add(action);
    }
    ListRecommendationsRequest.Builder b = ListRecommendationsRequest.builder();
    if (!known.isEmpty()) {
      b.filter(Filter.builder().actionTypes(known).build());
    }
    ListRecommendationsRequest request = b.build();
    CostOptimizationHubClient hub = hubContext().client(CostOptimizationHubClient.class,
        CostOptimizationHubClient::builder);
    return Reads.stream(HUB, null, () -> hub.listRecommendationsPaginator(request).items().stream()
        .map(RecommendationsImpl::hub));
  }

  /** Cost Optimization Hub's API is served from us-east-1 only: a context in another region asks there. */
  private synchronized OpsContext hubContext() {
    if (ctx.region().equals(Region.US_EAST_1)) {
      return ctx;
    }
    if (hubContext == null) {
      hubContext = ctx.forRegion(Region.US_EAST_1);
    }
    return hubContext;
  }

  private static HubRecommendation hub(Recommendation r) {
    String currency = r.currencyCode() == null ? "USD" : r.currencyCode();
    return new HubRecommendation(text(r.recommendationId()), text(r.accountId()), text(r.region()), text(r.resourceId()),
        text(r.resourceArn()), text(r.actionType()), text(r.currentResourceType()), text(r.recommendedResourceType()),
        new Amount(r.estimatedMonthlySavings() == null ? BigDecimal.ZERO : BigDecimal.valueOf(r.estimatedMonthlySavings()),
            currency),
        r.estimatedSavingsPercentage() == null ? null : BigDecimal.valueOf(r.estimatedSavingsPercentage()),
        text(r.implementationEffort()), Boolean.TRUE.equals(r.restartNeeded()), Boolean.TRUE.equals(r.rollbackPossible()));
  }

  /** A paid Cost Explorer listing: every page charged to the budget before it is sent; nothing in a dry run. */
  private <T> Stream<T> paid(String operation, Function<@Nullable String, Page<T>> fetch) {
    if (ctx.isDryRun()) {
      return Stream.empty();
    }
    return Reads.stream(operation, null, () -> Pages.stream(operation, (@Nullable String token) -> {
      access.options().budget().charge(operation);
      return fetch.apply(token);
    }));
  }

  private static BigDecimal decimal(@Nullable String value) {
    BigDecimal parsed = optional(value);
    return parsed == null ? BigDecimal.ZERO : parsed;
  }

  private static @Nullable BigDecimal optional(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return CeRows.amount(value, "").value();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
